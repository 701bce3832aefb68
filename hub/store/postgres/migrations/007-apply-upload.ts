import type { PostgresMigration } from '../migrate-postgres';

/**
 * An upload (its audit head, then its events) as one function: one round trip from the hub
 * instead of eight (BEGIN, two row locks, the head's read and insert, the events' insert, the
 * kiosk's advance, COMMIT). At 500 kiosks the round trips, not the writes, were the hub's and
 * the server's time. The rules are the SQLite hub's (sqlite/audit-head-ledger.ts,
 * sqlite/event-ledger.ts); the store contract suite holds both to the same answers.
 *
 * The kiosk's row is locked first, so two uploads of one kiosk are judged one after the other;
 * each statement of a function under READ COMMITTED sees what committed before it ran. A
 * refusal returns before any event is written; a head already kept stays kept (as on SQLite).
 * Returns the outcome as JSON: {kind: 'applied', appliedThrough, rejected: [{seq, reason}]},
 * {kind: 'conflict', error: 'gap' | 'history-mismatch', appliedThrough}, or
 * {kind: 'audit-head-conflict', id, hash} (the kept head).
 */
export const applyUploadFunction: PostgresMigration = {
  version: 7,
  name: 'apply upload function',
  up: `
    CREATE FUNCTION hub_apply_upload(
      p_kiosk text, p_received_at text, p_head_id bigint, p_head_hash text,
      p_seq bigint[], p_id text[], p_type text[], p_payload text[], p_created_at text[], p_reason text[]
    ) RETURNS jsonb LANGUAGE plpgsql AS $$
    DECLARE
      through     bigint;
      latest_id   bigint;
      latest_hash text;
      n           integer := coalesce(cardinality(p_seq), 0);
      first_seq   bigint;
      repeats     integer;
    BEGIN
      SELECT applied_through INTO through FROM kiosks WHERE id = p_kiosk FOR UPDATE;
      IF NOT FOUND THEN RAISE EXCEPTION 'unknown kiosk %', p_kiosk; END IF;

      -- A kiosk's audit heads only move forward: the latest again is a repeat, anything behind it or beside it is refused.
      IF p_head_id IS NOT NULL THEN
        SELECT row_id, hash INTO latest_id, latest_hash FROM kiosk_audit_heads WHERE kiosk_id = p_kiosk ORDER BY row_id DESC LIMIT 1;
        IF latest_id IS NULL OR latest_id < p_head_id THEN
          INSERT INTO kiosk_audit_heads (kiosk_id, row_id, hash, received_at) VALUES (p_kiosk, p_head_id, p_head_hash, p_received_at);
        ELSIF latest_id <> p_head_id OR latest_hash <> p_head_hash THEN
          RETURN jsonb_build_object('kind', 'audit-head-conflict', 'id', latest_id, 'hash', latest_hash);
        END IF;
      END IF;

      -- Events are numbered without gaps (Replicache's rule): a batch must follow on from what is applied, or repeat some of it.
      first_seq := coalesce(p_seq[1], through + 1);
      IF first_seq > through + 1 OR EXISTS (SELECT 1 FROM generate_subscripts(p_seq, 1) AS i WHERE p_seq[i] <> first_seq + i - 1) THEN
        RETURN jsonb_build_object('kind', 'conflict', 'error', 'gap', 'appliedThrough', through);
      END IF;
      repeats := greatest(0, least(n, through - first_seq + 1));
      -- A resent event must be the one stored under its number; an unreadable id proves nothing.
      IF repeats > 0 AND EXISTS (
        SELECT 1 FROM unnest(p_seq[1:repeats], p_id[1:repeats]) AS r (seq, id)
          JOIN kiosk_events e ON e.kiosk_id = p_kiosk AND e.seq = r.seq
         WHERE r.id IS NOT NULL AND e.id IS NOT NULL AND r.id <> e.id
      ) THEN
        RETURN jsonb_build_object('kind', 'conflict', 'error', 'history-mismatch', 'appliedThrough', through);
      END IF;

      IF n > repeats THEN
        INSERT INTO kiosk_events (kiosk_id, seq, id, type, payload, created_at, received_at, rejected_reason)
        SELECT p_kiosk, e.seq, e.id, e.type, e.payload::json, e.created_at, p_received_at, e.reason
          FROM unnest(p_seq[repeats + 1:n], p_id[repeats + 1:n], p_type[repeats + 1:n], p_payload[repeats + 1:n], p_created_at[repeats + 1:n], p_reason[repeats + 1:n])
            AS e (seq, id, type, payload, created_at, reason);
        through := p_seq[n];
        UPDATE kiosks SET applied_through = through WHERE id = p_kiosk;
      END IF;

      RETURN jsonb_build_object('kind', 'applied', 'appliedThrough', through, 'rejected', coalesce((
        SELECT jsonb_agg(jsonb_build_object('seq', seq, 'reason', rejected_reason) ORDER BY seq)
          FROM kiosk_events
         WHERE kiosk_id = p_kiosk AND seq BETWEEN first_seq AND coalesce(p_seq[n], through) AND rejected_reason IS NOT NULL
      ), '[]'::jsonb));
    END;
    $$;
  `,
};

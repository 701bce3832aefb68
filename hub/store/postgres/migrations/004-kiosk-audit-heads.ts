import type { PostgresMigration } from '../migrate-postgres';

/**
 * Every audit head (row number and hash) each kiosk sent: rows the hub has a head past
 * cannot be rewritten on the kiosk unnoticed. Append-only, as on SQLite.
 */
export const kioskAuditHeads: PostgresMigration = {
  version: 4,
  name: 'kiosk audit heads',
  up: `
    CREATE TABLE kiosk_audit_heads (
      kiosk_id    text NOT NULL REFERENCES kiosks (id),
      row_id      bigint NOT NULL,
      hash        text NOT NULL,
      received_at text NOT NULL,
      PRIMARY KEY (kiosk_id, row_id)
    );
    CREATE FUNCTION kiosk_audit_heads_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'kiosk_audit_heads is append-only'; END;
    $$;
    CREATE TRIGGER kiosk_audit_heads_keep BEFORE UPDATE ON kiosk_audit_heads
      FOR EACH ROW EXECUTE FUNCTION kiosk_audit_heads_refuse_update();
  `,
};

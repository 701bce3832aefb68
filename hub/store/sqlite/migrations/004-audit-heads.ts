import type { Migration } from '@shared/node/sqlite/migrate';

/**
 * Every audit head (row number and hash) each kiosk sent: rows the hub has a head past
 * cannot be rewritten on the kiosk unnoticed. A kiosk can be disabled: its token stops working.
 */
export const auditHeads: Migration = {
  version: 4,
  name: 'kiosk audit heads, disabled kiosks',
  up: `
    CREATE TABLE kiosk_audit_heads (
      kiosk_id    TEXT NOT NULL REFERENCES kiosks (id),
      row_id      INTEGER NOT NULL,
      hash        TEXT NOT NULL,
      received_at TEXT NOT NULL,
      PRIMARY KEY (kiosk_id, row_id)
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER kiosk_audit_heads_keep BEFORE UPDATE ON kiosk_audit_heads
      BEGIN SELECT RAISE(ABORT, 'kiosk_audit_heads is append-only'); END;

    ALTER TABLE kiosks ADD COLUMN disabled_at TEXT;
  `,
};

import type { Migration } from '@shared/node/sqlite/migrate';

/**
 * Staff accounts that come from the hub (the kiosk's service centre) beside those made here
 * with `npm run staff`. A hub account is rewritten by every centre state the kiosk receives;
 * see staff/centre-staff.ts for which kind wins.
 */
export const centreStaff: Migration = {
  version: 13,
  name: 'centre staff from the hub',
  up: `ALTER TABLE staff ADD COLUMN from_hub INTEGER NOT NULL DEFAULT 0 CHECK (from_hub IN (0, 1));`,
};

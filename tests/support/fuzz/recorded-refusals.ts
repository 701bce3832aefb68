/**
 * Refusals that write on purpose, and the only tables they may touch. Every other refused
 * call must leave the database exactly as it was. Add a code here only with its reason.
 */
export const RECORDED_REFUSALS: Readonly<Record<string, { tables: readonly string[]; reason: string }>> = {
  'staff.signInFailed': {
    tables: ['audit_log', 'staff'],
    reason: 'a wrong PIN is audited and counted towards the lockout, or guessing would be free',
  },
  'staff.locked': {
    tables: ['audit_log', 'staff'],
    reason: 'an attempt on a locked account is audited',
  },
  'recovery.lockedOut': {
    tables: ['audit_log'],
    reason: 'every recovery attempt is audited, including one on an ID number locked out for the day',
  },
  'recovery.notFound': {
    tables: ['audit_log'],
    reason: 'every recovery attempt is audited (by a keyed hash of the ID number), found or not',
  },
  'recovery.noRegisteredPhone': {
    tables: ['audit_log'],
    reason: 'every recovery attempt is audited, including one the registered-phone path cannot serve',
  },
};

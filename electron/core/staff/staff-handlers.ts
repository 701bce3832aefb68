import type { staffCalls } from '@shared/contract/staff';
import type { HandlersFor } from '../handlers';
import type { AttendedMode } from './attended-mode';
import type { StaffAccounts } from './staff-accounts';

export function staffHandlers(attended: AttendedMode, accounts: StaffAccounts): HandlersFor<keyof typeof staffCalls> {
  return {
    'staff.signIn': (request) => attended.signIn(request),
    'staff.signOut': () => {
      attended.signOut();
      return {};
    },
    'staff.current': () => ({ staff: attended.view() }),
    'staff.keepAlive': () => {
      attended.keepAlive();
      return {};
    },
    'staff.add': async (request) => {
      const by = attended.current();
      if (!by) throw new Error('dispatcher let an anonymous staff.add through');
      await accounts.create(request, by.staffId);
      return { staffId: request.staffId };
    },
  };
}

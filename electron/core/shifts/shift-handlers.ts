import type { shiftCalls } from '@shared/contract/shifts';
import type { HandlersFor } from '../handlers';
import type { StaffPresence } from '../staff-presence';
import type { Shifts } from './shifts';

export function shiftHandlers(shifts: Shifts, presence: StaffPresence): HandlersFor<keyof typeof shiftCalls> {
  /** The dispatcher has already checked the role; this is who is asking. */
  const staff = () => {
    const current = presence.current();
    if (!current) throw new Error('dispatcher let an anonymous shift call through');
    return current;
  };
  return {
    'shift.open': ({ openingFloat }) => shifts.open(staff(), openingFloat),
    'shift.current': () => ({ shift: shifts.current(staff()) }),
    'shift.cashOut': ({ kind, amount, reason }) => shifts.cashOut(staff(), kind, amount, reason),
    'shift.close': ({ counted }) => shifts.close(staff(), counted),
    'shift.signOff': ({ shiftId, reason, note }) => shifts.signOff(staff(), shiftId, reason, note || undefined),
  };
}

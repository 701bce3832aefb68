import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ShiftSummary } from '@shared/contract/shifts';
import { call } from '../api/kiosk';
import { useStaffStore } from './staff';

/** The signed-in clerk's cash shift: opened with a float, closed with the cash counted. */
export const useShiftStore = defineStore('shift', () => {
  const staff = useStaffStore();
  const current = ref<ShiftSummary | null>(null);

  async function load(): Promise<void> {
    current.value = (await call('shift.current', {})).shift;
  }

  async function open(openingFloat: number): Promise<void> {
    current.value = await call('shift.open', { openingFloat });
    staff.setShift(current.value.shiftId);
  }

  /** Resolves with the closed shift's summary (what was expected, counted, the difference). */
  async function close(counted: number): Promise<ShiftSummary> {
    const closed = await call('shift.close', { counted });
    current.value = null;
    staff.setShift(null);
    return closed;
  }

  return { current, load, open, close };
});

import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SignedInStaffView } from '@shared/contract/staff';
import { onCoreEvent } from '../api/core-events';
import { call } from '../api/kiosk';

/** A staff touch is reported at most this often; attended mode's own timeout is minutes long. */
const KEEP_ALIVE_EVERY_MS = 15_000;

/**
 * Attended mode as the screen shows it. The core decides who is signed in and when attended
 * mode ends (its `staff.changed` event); this store mirrors it, and is re-read whenever the
 * header appears, since a visit's end wipes it like every visit store.
 */
export const useStaffStore = defineStore('staff', () => {
  const current = ref<SignedInStaffView | null>(null);
  let lastKeepAlive = 0;
  let trailing: ReturnType<typeof setTimeout> | undefined;

  onCoreEvent('staff.changed', ({ staff }) => (current.value = staff));

  async function refresh(): Promise<void> {
    current.value = (await call('staff.current', {})).staff;
  }

  async function signIn(request: { pin: string; staffId?: string; badgeCode?: string }): Promise<SignedInStaffView> {
    const staff = await call('staff.signIn', request);
    current.value = staff;
    return staff;
  }

  async function signOut(): Promise<void> {
    clearTimeout(trailing);
    await call('staff.signOut', {});
    current.value = null;
  }

  /**
   * Called on staff touches; throttled, with one trailing report so the core's idle clock
   * never lags the screen's by the throttle interval. `now` reports at once (an answer to the warning).
   */
  function touched(now = false): void {
    if (!current.value) return;
    clearTimeout(trailing);
    const wait = lastKeepAlive + KEEP_ALIVE_EVERY_MS - Date.now();
    if (now || wait <= 0) {
      lastKeepAlive = Date.now();
      void call('staff.keepAlive', {}).catch(() => refresh());
    } else {
      trailing = setTimeout(() => touched(true), wait);
    }
  }

  /** The clerk's shift opened or closed: the banner shows it. */
  function setShift(shiftId: string | null): void {
    if (current.value) current.value = { ...current.value, shiftId };
  }

  return { current, refresh, signIn, signOut, touched, setShift };
});

import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Locale } from '@shared/result';
import { onCoreEvent } from '../api/core-events';
import { call } from '../api/kiosk';
import { setLocale } from '../i18n';
import { useKioskStore } from './kiosk';
import { wipeVisitStores } from './visit-wipe';

type EndReason = 'done' | 'idle' | 'start-over';

/** The citizen's visit: started on the language screen, ended by them, by idle, or by the core. */
export const useVisitStore = defineStore('visit', () => {
  const visitId = ref<string | null>(null);
  const locale = ref<Locale>('en');

  async function start(chosen: Locale): Promise<void> {
    const visit = await call('visit.start', { locale: chosen });
    // The centre's back office may have changed the idle times since the screen loaded: each visit takes the current ones.
    await useKioskStore().load().catch(() => undefined);
    visitId.value = visit.visitId;
    locale.value = chosen;
    setLocale(chosen);
  }

  async function switchLocale(next: Locale): Promise<void> {
    locale.value = next;
    setLocale(next);
    if (visitId.value) await call('visit.setLocale', { locale: next });
  }

  async function keepAlive(): Promise<void> {
    if (visitId.value) await call('visit.keepAlive', {});
  }

  /** Ends the visit in the core, then forgets everything of it here. */
  async function end(reason: EndReason): Promise<void> {
    if (visitId.value) await call('visit.end', { reason }).catch(() => undefined);
    wipe();
  }

  /** Local wipe only (the core already ended the visit). */
  function wipe(): void {
    wipeVisitStores();
    setLocale('en');
  }

  /** The core ended this visit (its own timeout, or staff): forget it here, then `leave` the screen. */
  function whenEndedByCore(leave: () => void): () => void {
    return onCoreEvent('visit.ended', (ended) => {
      if (ended.visitId !== visitId.value) return;
      wipe();
      leave();
    });
  }

  return { visitId, locale, start, switchLocale, keepAlive, end, wipe, whenEndedByCore };
});

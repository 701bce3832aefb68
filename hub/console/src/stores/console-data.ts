import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AlertView, CentresView, DayView, KiosksView, RejectedEventView } from '@shared/console/console-api';
import { callConsole, ConsoleApiError, dayQuery } from '../api';
import { useSessionStore } from './session';

/** What the screens show, read from the hub on demand (no background polling: an idle console signs out). */
export const useConsoleDataStore = defineStore('console-data', () => {
  const kiosks = ref<KiosksView | null>(null);
  const alerts = ref<AlertView[] | null>(null);
  const day = ref<DayView | null>(null);
  const centres = ref<CentresView['centres']>([]);
  const rejected = ref<{ kioskId: string; events: RejectedEventView[] } | null>(null);
  const failure = ref<string | null>(null);

  async function run(work: () => Promise<void>): Promise<void> {
    failure.value = null;
    try {
      await work();
    } catch (error) {
      if (error instanceof ConsoleApiError && error.status === 401) return useSessionStore().expired();
      failure.value = error instanceof ConsoleApiError ? error.code : 'refused';
    }
  }

  const loadKiosks = () => run(async () => void (kiosks.value = await callConsole<KiosksView>('GET', '/kiosks')));
  const loadAlerts = () => run(async () => void (alerts.value = (await callConsole<{ alerts: AlertView[] }>('GET', '/alerts')).alerts));
  const loadCentres = () => run(async () => void (centres.value = (await callConsole<CentresView>('GET', '/centres')).centres));
  const loadDay = (date: string, centre: string | null) => run(async () => void (day.value = await callConsole<DayView>('GET', `/day?${dayQuery(date, centre)}`)));
  const loadRejected = (kioskId: string) =>
    run(async () => {
      const { rejected: events } = await callConsole<{ rejected: RejectedEventView[] }>('GET', `/kiosks/${encodeURIComponent(kioskId)}/rejected`);
      rejected.value = { kioskId, events };
    });

  return { kiosks, alerts, day, centres, rejected, failure, loadKiosks, loadAlerts, loadCentres, loadDay, loadRejected };
});

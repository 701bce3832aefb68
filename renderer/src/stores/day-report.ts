import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { DayReport, ReportFormat } from '@shared/contract/reports';
import type { SignOffReason } from '@shared/contract/shifts';
import { call } from '../api/kiosk';

/** The supervisor's day: today's report, its exports, shift sign-off and closing the day. */
export const useDayReportStore = defineStore('day-report', () => {
  const report = ref<DayReport | null>(null);

  async function load(): Promise<void> {
    report.value = await call('report.day', {});
  }

  /** The report as a file (its content in base64) for the screen to hand to the supervisor. */
  const exportAs = (format: ReportFormat) => call('report.export', { format });

  async function closeDay(): Promise<void> {
    await call('day.close', {});
  }

  async function signOff(shiftId: string, reason: SignOffReason, note: string | undefined): Promise<void> {
    await call('shift.signOff', { shiftId, reason, ...(note ? { note } : {}) });
  }

  return { report, load, exportAs, closeDay, signOff };
});

import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { PrinterStatus, PrinterStatusReport } from '@shared/contract/printer';
import { onCoreEvent } from '../api/core-events';
import { call } from '../api/kiosk';

/** Statuses at which the receipt screen offers SMS or email instead of the print button. */
const CANNOT_PRINT: readonly PrinterStatus[] = ['paper-out', 'cover-open', 'offline', 'absent'];

/** The receipt printer's status, kept current by the core's `printer.status` event. */
export const usePrinterStore = defineStore('printer', () => {
  const report = ref<PrinterStatusReport | null>(null);
  onCoreEvent('printer.status', (next) => (report.value = next));

  async function load(): Promise<void> {
    report.value = await call('printer.status', {});
  }

  const cannotPrint = () => report.value !== null && CANNOT_PRINT.includes(report.value.status);

  return { report, load, cannotPrint };
});

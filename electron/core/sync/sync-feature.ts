import type { syncCalls } from '@shared/contract/sync';
import type { CentreState } from '@shared/sync/centre-state';
import type { CoreContext } from '../context';
import type { Feature } from '../feature';
import type { PaymentService } from '../payments/payment-service';
import type { PrinterMonitor } from '../payments/receipts/printer-monitor';
import { SyncService } from './sync-service';

/**
 * The link to the back office: the outbox uploaded, the replica kept current, M-Pesa
 * callbacks fetched for the payments awaiting them. Runs only when a hub URL is configured;
 * without one the outbox simply keeps every event.
 */
export function createSync(
  ctx: CoreContext,
  services: { payments: PaymentService; printer: PrinterMonitor; centre: { apply(state: CentreState): void } },
): Feature<keyof typeof syncCalls, SyncService> {
  const { payments, printer, centre } = services;
  const service = new SyncService({
    ...ctx,
    settings: ctx.settings.sync,
    onStatus: (status) => ctx.events.emit('sync.status', status),
    onCentreState: (state) => centre.apply(state),
    printerStatus: () => printer.current(),
    mpesaCallbacks: {
      awaited: () => payments.awaitedMpesa(),
      accept: (body, attemptReference) => payments.acceptMpesaCallback(body, attemptReference ?? undefined),
      noRecordsFor: (references) => payments.noRecordsFor(references),
    },
  });
  return {
    service,
    handlers: { 'sync.status': () => service.status() },
    start: () => service.start(),
  };
}

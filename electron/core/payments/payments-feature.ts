import path from 'node:path';
import type { paymentCalls } from '@shared/contract/payments';
import type { printerCalls } from '@shared/contract/printer';
import type { CoreContext } from '../context';
import type { Feature } from '../feature';
import { BillStore } from './bills/bill-store';
import { paymentAdapters, type PaymentAdapterOptions } from './payment-adapters';
import { PaymentReceipts } from './payment-receipts';
import { ReceiptDelivery } from './receipt-delivery';
import { PrinterMonitor } from './receipts/printer-monitor';
import { PaymentService } from './payment-service';
import { PaymentStore } from './payment-store';
import { paymentView } from './payment-views';
import { maskedPhones, paymentsHandlers } from './payments-handlers';
import { kioskSigningKey } from './receipts/kiosk-signing-key';

export interface PaymentsServices {
  readonly payments: PaymentService;
  /** The receipt printer's status, watched in the background (for staff screens and the heartbeat). */
  readonly printerMonitor: PrinterMonitor;
}

/**
 * Assembles the payments feature for the core: bills, the payment state machines, the
 * providers chosen by settings, receipts (printed, or sent by SMS or email), the printer's
 * status, and the handlers. Unsettled payments left by a stop (a power cut) are resumed
 * when the feature starts, and the printer's status is watched from then on.
 */
export function createPayments(
  ctx: CoreContext,
  databaseFile: string,
  options: PaymentAdapterOptions = {},
): Feature<keyof typeof paymentCalls | keyof typeof printerCalls, PaymentsServices> {
  const adapters = paymentAdapters(ctx.settings, path.dirname(databaseFile), ctx.clock, options);
  const bills = new BillStore(ctx);
  const store = new PaymentStore(ctx);
  const phones = maskedPhones(ctx);
  const payerPhones = ctx.visits.slot(() => new Map<string, string>());
  const service = new PaymentService({
    ctx,
    bills,
    store,
    mpesa: adapters.mpesa,
    card: adapters.card,
    settings: ctx.settings.payments,
    maskedPhones: phones,
    payerPhones,
    // Only the visit that made a payment hears about it: the next citizen's screen never does.
    onChange: (payment) => {
      const visit = ctx.visits.current();
      if (!visit || visit.id !== payment.visit_id) return;
      ctx.events.emit('payments.updated', paymentView(payment, bills.byId(payment.bill_id)?.reference ?? '', phones(visit).get(payment.id)));
    },
  });
  const receipts = new PaymentReceipts({
    kioskId: ctx.kioskId,
    key: kioskSigningKey(ctx.local),
    printer: adapters.printer,
    paperWidthMm: ctx.settings.printer.paperWidthMm,
    pdfPageSize: ctx.settings.receipts.pdfPageSize,
    texts: ctx.settings.receipts,
  });
  const printerMonitor = new PrinterMonitor({
    printer: adapters.printer,
    clock: ctx.clock,
    intervalMs: ctx.settings.printer.statusPollSeconds * 1000,
    onChange: (report) => ctx.events.emit('printer.status', report),
  });
  const delivery = new ReceiptDelivery(ctx, receipts, payerPhones);
  return {
    service: { payments: service, printerMonitor },
    handlers: {
      ...paymentsHandlers(ctx, { bills, store, service, receipts, delivery, printerMonitor }, phones),
      'printer.status': () => printerMonitor.current(),
    },
    start: () => {
      service.resume();
      printerMonitor.start();
    },
  };
}

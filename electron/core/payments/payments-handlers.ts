import { parsePlate } from '@shared/identifiers/plate';
import type { paymentCalls } from '@shared/contract/payments';
import type { CoreContext } from '../context';
import { KioskError } from '../errors';
import type { HandlersFor } from '../handlers';
import { visitVerification } from '../verification/visit-verification';
import type { Bill, BillStore } from './bills/bill-store';
import type { PaymentReceipts } from './payment-receipts';
import type { ReceiptDelivery } from './receipt-delivery';
import type { PrinterMonitor } from './receipts/printer-monitor';
import type { PaymentService } from './payment-service';
import type { PaymentRow, PaymentStore } from './payment-store';
import { billView, paymentView } from './payment-views';

export interface PaymentsFeature {
  readonly bills: BillStore;
  readonly store: PaymentStore;
  readonly service: PaymentService;
  readonly receipts: PaymentReceipts;
  readonly delivery: ReceiptDelivery;
  readonly printerMonitor: PrinterMonitor;
}

/** The phones typed in this visit, masked, by payment id: forgotten when the visit ends. */
export function maskedPhones(ctx: CoreContext) {
  return ctx.visits.slot(() => new Map<string, string>());
}

export function paymentsHandlers(ctx: CoreContext, feature: PaymentsFeature, phones: ReturnType<typeof maskedPhones>): HandlersFor<keyof typeof paymentCalls> {
  const { bills, store, service, receipts, delivery, printerMonitor } = feature;
  // Every bill says how it can be paid here: only methods with a provider configured.
  const offered = (bill: Bill) => billView(bill, store, service.offeredMethods(), service.todayClosed());

  const offer = (code: string) => {
    const fee = bills.fee(code);
    return { code, name: { en: fee.name_en, sw: fee.name_sw }, amount: fee.amount, convenienceFee: fee.convenience_fee, total: fee.amount + fee.convenience_fee };
  };
  const view = (payment: PaymentRow) => {
    const visit = ctx.visits.current();
    return paymentView(payment, bills.byId(payment.bill_id)?.reference ?? '', visit ? phones(visit).get(payment.id) : undefined);
  };
  const paymentOf = (paymentId: string) => {
    const payment = store.get(paymentId);
    if (!payment) throw new KioskError('payment.notFound');
    return payment;
  };
  const paidWithBill = (paymentId: string) => {
    const payment = paymentOf(paymentId);
    const bill = bills.byId(payment.bill_id);
    if (!bill || payment.state !== 'paid') throw new KioskError('payment.notPaid');
    return { payment, bill, locale: ctx.visits.current()?.locale ?? 'en' };
  };

  return {
    'payments.fees': () => ({ renewal1y: offer('DL_RENEW_1Y'), renewal3y: offer('DL_RENEW_3Y'), vehicleSearch: offer('VEHICLE_SEARCH') }),
    'payments.billForFine': ({ fineId }) => {
      const visit = ctx.visits.require();
      // Fine numbers run in sequence: only a visit that proved it is the fine's citizen opens one
      // by its number. Anyone else types the reference on the ticket (payments.billByReference).
      // One answer for someone else's fine and for no fine at all, and nothing written for either.
      const verified = visitVerification(visit);
      if (!verified || !bills.isFineOf(fineId, verified.citizenId)) throw new KioskError('payment.fineNeedsProof');
      return offered(bills.forFine(fineId));
    },
    'payments.billForRenewal': ({ years, licenceId }) => {
      ctx.visits.require();
      return offered(bills.forRenewal(years, licenceId));
    },
    'payments.billForVehicleSearch': ({ plate }) => {
      const parsed = parsePlate(plate);
      if (!parsed.ok) throw new KioskError('payment.badPlate', { field: 'plate' });
      ctx.visits.require();
      return offered(bills.forVehicleSearch(parsed.value));
    },
    'payments.billByReference': ({ reference }) => {
      ctx.visits.require();
      return offered(bills.byReference(reference));
    },
    'payments.bill': ({ billId }) => {
      const bill = bills.byId(billId);
      if (!bill) throw new KioskError('payment.billNotFound');
      return offered(bill);
    },
    'payments.payByMpesa': async ({ billId, idempotencyKey, phone }) => {
      return view(await service.payByMpesa(ctx.visits.require(), billId, idempotencyKey, phone));
    },
    'payments.payByCard': async ({ billId, idempotencyKey }) => view(await service.payByCard(ctx.visits.require(), billId, idempotencyKey)),
    'payments.payByCash': ({ billId, idempotencyKey, tendered }) => {
      const staff = ctx.staff.current();
      // The dispatcher checked the role; this guards a sign-out between the check and here.
      if (!staff) throw new KioskError('call.forbidden');
      return view(service.payByCash(ctx.visits.require(), staff, billId, idempotencyKey, tendered));
    },
    'payments.status': ({ paymentId }) => view(paymentOf(paymentId)),
    'payments.receipt': ({ paymentId }) => {
      const { payment, bill, locale } = paidWithBill(paymentId);
      return receipts.view(payment, bill, locale);
    },
    'payments.printReceipt': async ({ paymentId }) => {
      const { payment, bill, locale } = paidWithBill(paymentId);
      try {
        await receipts.print(payment, bill, locale);
      } finally {
        // The staff screens hear at once of paper that ran out during this receipt.
        void printerMonitor.check();
      }
      ctx.offThreadSync.commit(() => ctx.audit.append({ action: 'receipt.print', outcome: 'ok', actor: 'citizen', visitId: ctx.visits.current()?.id ?? null, details: { paymentId } }));
      return {};
    },
    'payments.sendReceipt': ({ paymentId, channel, to }) => {
      const { payment, bill } = paidWithBill(paymentId);
      return delivery.send(ctx.visits.require(), payment, bill, { channel, to });
    },
    'payments.receiptPdf': async ({ paymentId }) => {
      const { payment, bill, locale } = paidWithBill(paymentId);
      return { pdfBase64: (await receipts.pdf(payment, bill, locale)).toString('base64') };
    },
  };
}

import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { BillView, PaymentMethod, PaymentView, ReceiptView } from '@shared/contract/payments';
import { KioskCallError } from '../api/call-error';
import { onCoreEvent } from '../api/core-events';
import { call } from '../api/kiosk';

/**
 * The bill being paid, the current attempt and its receipt. Each attempt carries an
 * idempotency key made here: a request repeated after a lost answer reuses it, so the
 * core never charges twice; a new attempt after a result gets a new one. Wiped with the
 * visit like every visit store.
 */
export const usePaymentStore = defineStore('payment', () => {
  const bill = ref<BillView | null>(null);
  const payment = ref<PaymentView | null>(null);
  const receipt = ref<ReceiptView | null>(null);
  const attemptKey = ref<string | null>(null);

  // Results arrive as events (the phone, the terminal, a callback); only this attempt's are taken.
  onCoreEvent('payments.updated', (update) => {
    if (payment.value?.id === update.id) payment.value = update;
  });

  async function useBill(load: Promise<BillView>): Promise<BillView> {
    const loaded = await load;
    bill.value = loaded;
    payment.value = null;
    receipt.value = null;
    attemptKey.value = null;
    return loaded;
  }

  /** Fresh from the core each time: the bill may have been paid since (e.g. coming back to it). */
  const openBill = (billId: string) => useBill(call('payments.bill', { billId }));
  const billForFine = (fineId: number) => useBill(call('payments.billForFine', { fineId }));
  const billForRenewal = (years: 1 | 3, licenceId?: number) => useBill(call('payments.billForRenewal', { years, ...(licenceId && { licenceId }) }));
  const billByReference = (reference: string) => useBill(call('payments.billByReference', { reference }));
  const billForVehicleSearch = (plate: string) => useBill(call('payments.billForVehicleSearch', { plate }));
  const fees = () => call('payments.fees', {});

  /** Runs one attempt; the key is kept only if the answer was lost (so a retry is the same attempt). */
  async function attempt(method: PaymentMethod, details: { phone?: string; tendered?: number }): Promise<PaymentView> {
    if (!bill.value) throw new Error('no bill');
    const idempotencyKey = attemptKey.value ?? crypto.randomUUID();
    attemptKey.value = idempotencyKey;
    const billId = bill.value.id;
    try {
      const started =
        method === 'mpesa'
          ? await call('payments.payByMpesa', { billId, idempotencyKey, phone: details.phone ?? '' })
          : method === 'card'
            ? await call('payments.payByCard', { billId, idempotencyKey })
            : await call('payments.payByCash', { billId, idempotencyKey, tendered: details.tendered ?? 0 });
      attemptKey.value = null;
      payment.value = started;
      return started;
    } catch (error) {
      if (error instanceof KioskCallError) attemptKey.value = null;
      throw error;
    }
  }

  async function refresh(): Promise<void> {
    if (payment.value) payment.value = await call('payments.status', { paymentId: payment.value.id });
  }

  async function showPayment(paymentId: string): Promise<void> {
    payment.value = await call('payments.status', { paymentId });
  }

  async function loadReceipt(): Promise<ReceiptView> {
    if (!payment.value) throw new Error('no payment');
    receipt.value = await call('payments.receipt', { paymentId: payment.value.id });
    return receipt.value;
  }

  async function print(): Promise<void> {
    if (payment.value) await call('payments.printReceipt', { paymentId: payment.value.id });
  }

  /** The receipt by SMS or email; an SMS without `to` goes to the phone that paid by M-Pesa. Answers where it went, masked. */
  async function sendReceipt(channel: 'sms' | 'email', to?: string): Promise<string> {
    if (!payment.value) throw new Error('no payment');
    const sent = await call('payments.sendReceipt', { paymentId: payment.value.id, channel, ...(to !== undefined && { to }) });
    return sent.maskedTo;
  }

  return {
    bill,
    payment,
    receipt,
    attemptKey,
    openBill,
    billForFine,
    billForRenewal,
    billByReference,
    billForVehicleSearch,
    fees,
    attempt,
    refresh,
    showPayment,
    loadReceipt,
    print,
    sendReceipt,
  };
});

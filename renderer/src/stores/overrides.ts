import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CallResponse } from '@shared/contract';
import type { CancelPaymentReason, LiftLookupReason } from '@shared/contract/overrides';
import { call } from '../api/kiosk';

/** What a clerk may override at this kiosk now, and the overrides themselves (each with a reason). */
export const useOverridesStore = defineStore('overrides', () => {
  const status = ref<CallResponse<'overrides.status'> | null>(null);

  async function load(): Promise<void> {
    status.value = await call('overrides.status', {});
  }

  /** Resolves with how many searches the visit has again. */
  async function liftLookupLimit(reason: LiftLookupReason, note: string | undefined): Promise<number> {
    return (await call('overrides.liftLookupLimit', { reason, note })).lookupsLeft;
  }

  /** Resolves with what the provider's answer made of the payment. */
  async function cancelStuckPayment(paymentId: string, reason: CancelPaymentReason, note: string | undefined) {
    return (await call('overrides.cancelStuckPayment', { paymentId, reason, note })).outcome;
  }

  return { status, load, liftLookupLimit, cancelStuckPayment };
});

import { computed, watch } from 'vue';
import { useRouter } from 'vue-router';
import type { ProviderMethod } from '@shared/contract/payments';
import { usePaymentStore } from '../../stores/payment';

/**
 * The visit's payment attempt by `method` for the bill on screen (or null), and on to its
 * receipt as soon as it is paid: by the answer, by an event, or already paid on arrival.
 */
export function useThisAttempt(method: ProviderMethod) {
  const payment = usePaymentStore();
  const router = useRouter();
  const attempt = computed(() => (payment.payment?.method === method && payment.payment.billId === payment.bill?.id ? payment.payment : null));
  watch(
    () => attempt.value?.state,
    (state) => {
      if (state === 'paid' && attempt.value) void router.replace({ name: 'pay-receipt', params: { paymentId: attempt.value.id } });
    },
    { immediate: true },
  );
  return attempt;
}

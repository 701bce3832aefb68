import type { RouteRecordRaw } from 'vue-router';
import PayBillView from './PayBillView.vue';
import PayCardView from './PayCardView.vue';
import PayCashView from './PayCashView.vue';
import PayChooseView from './PayChooseView.vue';
import PayEntryView from './PayEntryView.vue';
import PayFineView from './PayFineView.vue';
import PayMpesaView from './PayMpesaView.vue';
import PayReceiptView from './PayReceiptView.vue';
import PayRenewalView from './PayRenewalView.vue';

/**
 * The payment flow: a bill (a fine, a renewal, a vehicle search, or any bill by reference)
 * → pay-bill → pay-mpesa | pay-card | pay-cash → pay-receipt. Other flows link here by name:
 * `pay-fine` with the `fineId` of a fine found by lookup, `pay-renewal` for a licence renewal
 * (optionally `?licenceId=`).
 */
export const payRoutes: RouteRecordRaw[] = [
  { path: '/pay', name: 'pay', component: PayChooseView, meta: { title: 'pay.choose.title' } },
  { path: '/pay/fine/:fineId(\\d+)', name: 'pay-fine', component: PayFineView, meta: { title: 'pay.bill.title' } },
  { path: '/pay/renewal', name: 'pay-renewal', component: PayRenewalView, meta: { title: 'pay.renewal.title' } },
  { path: '/pay/search', name: 'pay-search', component: PayEntryView, meta: { title: 'pay.search.title' } },
  { path: '/pay/reference', name: 'pay-reference', component: PayEntryView, meta: { title: 'pay.reference.title' } },
  { path: '/pay/bill/:billId', name: 'pay-bill', component: PayBillView, meta: { title: 'pay.bill.title', step: { current: 1, total: 3 } } },
  { path: '/pay/bill/:billId/mpesa', name: 'pay-mpesa', component: PayMpesaView, meta: { title: 'pay.mpesa.title', step: { current: 2, total: 3 } } },
  { path: '/pay/bill/:billId/card', name: 'pay-card', component: PayCardView, meta: { title: 'pay.card.title', step: { current: 2, total: 3 } } },
  { path: '/pay/bill/:billId/cash', name: 'pay-cash', component: PayCashView, meta: { title: 'pay.cash.title', step: { current: 2, total: 3 } } },
  { path: '/pay/receipt/:paymentId', name: 'pay-receipt', component: PayReceiptView, meta: { title: 'pay.receipt.title', step: { current: 3, total: 3 } } },
];

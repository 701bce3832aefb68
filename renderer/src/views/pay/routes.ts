import type { RouteRecordRaw } from 'vue-router';
import PayChooseView from './PayChooseView.vue';
import PayFineView from './PayFineView.vue';
import PayRenewalView from './PayRenewalView.vue';

/**
 * The payment flow. Other flows link here by name: `pay-fine` with the `fineId` of a fine
 * found by lookup, `pay-renewal` for a licence renewal.
 */
export const payRoutes: RouteRecordRaw[] = [
  { path: '/pay', name: 'pay', component: PayChooseView, meta: { title: 'pay.choose.title' } },
  { path: '/pay/fine/:fineId', name: 'pay-fine', component: PayFineView, meta: { title: 'pay.bill.title' } },
  { path: '/pay/renewal', name: 'pay-renewal', component: PayRenewalView, meta: { title: 'pay.renewal.title' } },
];

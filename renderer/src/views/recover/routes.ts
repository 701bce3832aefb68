import type { RouteRecordRaw } from 'vue-router';
import RecoverChooseView from './RecoverChooseView.vue';
import RecoverCodeView from './RecoverCodeView.vue';
import RecoverCounterView from './RecoverCounterView.vue';
import RecoverIdView from './RecoverIdView.vue';
import RecoverNewEmailView from './RecoverNewEmailView.vue';
import RecoverNewPhoneView from './RecoverNewPhoneView.vue';
import RecoverQuestionsView from './RecoverQuestionsView.vue';
import RecoverDoneView from './RecoverDoneView.vue';
import RecoverScanView from './RecoverScanView.vue';

/**
 * Account recovery. Path 1 (has the phone): recover → recover-id/reset → recover-code/reset →
 * recover-reset-done. Path 2 (lost it): recover → recover-id/document → recover-scan →
 * recover-questions (or, with a passport and no number typed: recover → recover-scan-passport →
 * recover-questions) → recover-new-phone → recover-code/new-phone → recover-new-email (optional:
 * → recover-code/new-email, or skip) → recover-pending.
 */
export const recoverRoutes: RouteRecordRaw[] = [
  { path: '/recover', name: 'recover', component: RecoverChooseView, meta: { title: 'recover.choose.title' } },
  {
    path: '/recover/id/:path(reset|document)',
    name: 'recover-id',
    component: RecoverIdView,
    meta: { title: 'recover.id.title' },
  },
  {
    path: '/recover/code/:purpose(reset|new-phone|new-email)',
    name: 'recover-code',
    component: RecoverCodeView,
    meta: { title: 'recover.code.title' },
  },
  { path: '/recover/reset-done', name: 'recover-reset-done', component: RecoverDoneView, props: { kind: 'reset' }, meta: { title: 'recover.resetDone.title' } },
  { path: '/recover/scan', name: 'recover-scan', component: RecoverScanView, meta: { title: 'recover.scan.title', step: { current: 1, total: 5 } } },
  { path: '/recover/scan-passport', name: 'recover-scan-passport', component: RecoverScanView, meta: { title: 'recover.scanPassport.title', step: { current: 1, total: 5 } } },
  { path: '/recover/questions', name: 'recover-questions', component: RecoverQuestionsView, meta: { title: 'recover.questions.title', step: { current: 2, total: 5 } } },
  { path: '/recover/new-phone', name: 'recover-new-phone', component: RecoverNewPhoneView, meta: { title: 'recover.newPhone.title', step: { current: 3, total: 5 } } },
  { path: '/recover/new-email', name: 'recover-new-email', component: RecoverNewEmailView, meta: { title: 'recover.newEmail.title', step: { current: 4, total: 5 } } },
  { path: '/recover/pending', name: 'recover-pending', component: RecoverDoneView, props: { kind: 'pending' }, meta: { title: 'recover.pending.title', step: { current: 5, total: 5 } } },
  { path: '/recover/counter', name: 'recover-counter', component: RecoverCounterView, meta: { title: 'recover.counter.title' } },
];

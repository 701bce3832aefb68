import type { RouteRecordRaw } from 'vue-router';
import LookupChooseView from './LookupChooseView.vue';
import LookupCodeView from './LookupCodeView.vue';
import LookupDetailsView from './LookupDetailsView.vue';
import LookupEnterView from './LookupEnterView.vue';
import LookupResultView from './LookupResultView.vue';

/** Find my account: choose a key → type it → masked answer → code → the full picture. */
export const lookupRoutes: RouteRecordRaw[] = [
  { path: '/find', name: 'lookup', component: LookupChooseView, meta: { title: 'lookup.choose.title', step: { current: 1, total: 4 } } },
  {
    path: '/find/by/:kind(idNumber|phone|passport|kraPin)',
    name: 'lookup-enter',
    component: LookupEnterView,
    meta: { title: 'lookup.enter.title', step: { current: 2, total: 4 } },
  },
  { path: '/find/result', name: 'lookup-result', component: LookupResultView, meta: { title: 'lookup.result.title', step: { current: 3, total: 4 } } },
  { path: '/find/code', name: 'lookup-code', component: LookupCodeView, meta: { title: 'lookup.code.title', step: { current: 3, total: 4 } } },
  { path: '/find/details', name: 'lookup-details', component: LookupDetailsView, meta: { title: 'lookup.details.title', step: { current: 4, total: 4 } } },
];

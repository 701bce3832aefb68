import { createRouter, createWebHashHistory } from 'vue-router';
import { useSessionStore } from './stores/session';
import AlertsView from './views/AlertsView.vue';
import CentresView from './views/CentresView.vue';
import CentreView from './views/CentreView.vue';
import DayView from './views/DayView.vue';
import KiosksView from './views/KiosksView.vue';
import SignInView from './views/SignInView.vue';

/** Hash history: the hub serves one file for the app, whatever screen is open. */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/kiosks' },
    { path: '/sign-in', component: SignInView, meta: { open: true } },
    { path: '/kiosks', component: KiosksView },
    { path: '/alerts', component: AlertsView },
    { path: '/day', component: DayView },
    { path: '/centres', component: CentresView },
    { path: '/centres/:id', component: CentreView },
  ],
});

router.beforeEach((to) => {
  const { session } = useSessionStore();
  if (!to.meta.open && session === null) return '/sign-in';
  if (to.meta.open && session !== null) return '/kiosks';
  return true;
});

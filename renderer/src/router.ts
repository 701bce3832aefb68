import { useStaffStore } from './stores/staff';
import { useSyncStore } from './stores/sync';
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router';
import AttractView from './views/AttractView.vue';
import HomeView from './views/HomeView.vue';
import LanguageView from './views/LanguageView.vue';
import { clerkApprovalRoutes } from './views/clerk-approvals/routes';
import { lookupRoutes } from './views/lookup/routes';
import { overridesRoutes } from './views/overrides/routes';
import { payRoutes } from './views/pay/routes';
import { recoverRoutes } from './views/recover/routes';
import { staffRoutes } from './views/staff/routes';
import { supervisorRoutes } from './views/supervisor/routes';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the screen's title in the progress header. */
    title?: string;
    /** Where this screen sits in its flow, for the progress header. */
    step?: { current: number; total: number };
    /** A staff screen: reachable only in attended mode, with the staff idle time instead of the citizen's. */
    staff?: boolean;
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'attract', component: AttractView },
  { path: '/language', name: 'language', component: LanguageView, meta: { title: 'language.title' } },
  { path: '/home', name: 'home', component: HomeView, meta: { title: 'home.title' } },
  // Each flow's routes live beside its views: `views/<flow>/routes.ts`, one line here.
  ...lookupRoutes,
  ...payRoutes,
  ...recoverRoutes,
  ...clerkApprovalRoutes,
  ...staffRoutes,
  ...supervisorRoutes,
  ...overridesRoutes,
];

/** Memory history: a kiosk has no address bar, and a reload must land on the attract screen. */
export const router = createRouter({ history: createMemoryHistory(), routes });

/** No one reaches a staff screen unless a member of staff signed in during this visit. */
router.beforeEach((to) => (to.meta.staff && !useStaffStore().current ? { name: 'home' } : true));

/**
 * Until the replica's first load is complete the kiosk is out of service: the attract screen
 * says so, and nothing a citizen starts (finding, recovery, paying) is reachable; staff screens are.
 */
router.beforeEach(async (to) => (to.name === 'attract' || to.meta.staff || (await useSyncStore().replicaReady()) ? true : { name: 'attract' }));

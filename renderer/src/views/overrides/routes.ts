import type { RouteRecordRaw } from 'vue-router';
import OverridesView from './OverridesView.vue';

/** A clerk's overrides; the core refuses their calls without a signed-in clerk. */
export const overridesRoutes: RouteRecordRaw[] = [{ path: '/clerk/overrides', name: 'clerk-overrides', component: OverridesView, meta: { title: 'overrides.title', staff: true } }];

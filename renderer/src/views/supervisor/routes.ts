import type { RouteRecordRaw } from 'vue-router';
import DayView from './DayView.vue';

/** The supervisor's screens; the core refuses their calls to anyone but a signed-in supervisor. */
export const supervisorRoutes: RouteRecordRaw[] = [{ path: '/supervisor/day', name: 'supervisor-day', component: DayView, meta: { title: 'staff.day.title', staff: true } }];

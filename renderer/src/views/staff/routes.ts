import type { RouteRecordRaw } from 'vue-router';
import ShiftView from './ShiftView.vue';

/** The clerk's own screens; the core refuses their calls without a signed-in clerk. */
export const staffRoutes: RouteRecordRaw[] = [{ path: '/staff/shift', name: 'staff-shift', component: ShiftView, meta: { title: 'staff.shift.title', staff: true } }];

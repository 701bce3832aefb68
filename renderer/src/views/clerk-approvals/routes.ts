import type { RouteRecordRaw } from 'vue-router';
import RecoveryApprovalsView from './RecoveryApprovalsView.vue';

/** Staff screens for approving what citizens asked for; the core refuses them without a clerk. */
export const clerkApprovalRoutes: RouteRecordRaw[] = [
  { path: '/clerk/recoveries', name: 'clerk-recoveries', component: RecoveryApprovalsView, meta: { title: 'recover.clerk.title', staff: true } },
];

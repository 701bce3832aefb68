import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { PendingRecovery, RejectionReason } from '@shared/contract/recovery';
import { call } from '../api/kiosk';

/** The clerk's side of account recovery: requests waiting for a document check, approved or rejected here. */
export const useRecoveryApprovalsStore = defineStore('recovery-approvals', () => {
  const requests = ref<PendingRecovery[]>([]);

  async function load(): Promise<void> {
    requests.value = (await call('recovery.pending', {})).requests;
  }

  async function approve(requestId: string): Promise<void> {
    await call('recovery.approve', { requestId });
  }

  async function reject(requestId: string, reason: RejectionReason): Promise<void> {
    await call('recovery.reject', { requestId, reason });
  }

  return { requests, load, approve, reject };
});

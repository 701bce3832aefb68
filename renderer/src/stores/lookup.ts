import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AccountDetails, LookupKind, LookupResult } from '@shared/contract/lookup';
import { call } from '../api/kiosk';

interface SentCode {
  codeId: string;
  maskedPhone: string;
  expiresAt: string;
}

/**
 * What the lookup screens show during one visit: the masked answer, the code sent, and
 * once verified the full picture. Never the identifier typed (that stays in the entry
 * screen). Reset to empty by the visit wipe when the visit ends.
 */
export const useLookupStore = defineStore('lookup', () => {
  const kind = ref<LookupKind>('idNumber');
  const result = ref<LookupResult | null>(null);
  const sentCode = ref<SentCode | null>(null);
  const details = ref<AccountDetails | null>(null);

  async function search(searchKind: LookupKind, value: string): Promise<LookupResult> {
    const answer = await call('lookup.search', { kind: searchKind, value });
    kind.value = searchKind;
    result.value = answer;
    sentCode.value = null;
    details.value = null;
    return answer;
  }

  async function sendCode(): Promise<void> {
    sentCode.value = await call('lookup.sendCode', {});
  }

  async function verify(code: string): Promise<void> {
    if (!sentCode.value) return;
    await call('lookup.verifyCode', { codeId: sentCode.value.codeId, code });
    sentCode.value = null;
  }

  async function loadDetails(): Promise<void> {
    details.value = await call('lookup.details', {});
  }

  return { kind, result, sentCode, details, search, sendCode, verify, loadDetails };
});

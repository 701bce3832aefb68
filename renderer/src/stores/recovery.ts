import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CallResponse } from '@shared/contract';
import type { DocumentMismatch, KnowledgeQuestion, RecoveryCodePurpose, RecoveryPath } from '@shared/contract/recovery';
import { call } from '../api/kiosk';

/**
 * The citizen's way through account recovery. Holds masks, references and outcomes only:
 * the ID number, the MRZ, the phone and the email typed are sent to the core and not kept here.
 * Wiped with every other visit store when the visit ends.
 */
export const useRecoveryStore = defineStore('recovery', () => {
  const path = ref<RecoveryPath | null>(null);
  const codeId = ref<string | null>(null);
  const maskedPhone = ref('');
  const attemptsLeft = ref<number | null>(null);
  const mismatches = ref<DocumentMismatch[]>([]);
  const questions = ref<KnowledgeQuestion[]>([]);
  const reference = ref('');
  /** The new email the last code went to, masked; `emailAdded` once its code proved it. */
  const maskedEmail = ref('');
  const emailAdded = ref(false);

  /** The citizen names themselves by the document they hold: their ID number or their passport number. */
  async function start(who: { idNumber: string } | { passportNumber: string }, chosen: RecoveryPath): Promise<void> {
    const started = await call('recovery.start', { ...who, path: chosen });
    path.value = chosen;
    mismatches.value = [];
    if (started.path === 'reset') {
      codeId.value = started.code.codeId;
      maskedPhone.value = started.code.maskedPhone;
    } else {
      attemptsLeft.value = started.attemptsLeft;
    }
  }

  async function requestReset(code: string): Promise<void> {
    const done = await call('recovery.requestReset', { codeId: codeId.value ?? '', code });
    reference.value = done.reference;
    maskedPhone.value = done.maskedPhone;
  }

  /** True when the document matched; otherwise `mismatches` says why. */
  async function scan(mrz: string): Promise<boolean> {
    // A refusal (misread, expired) replaces what the last scan said.
    mismatches.value = [];
    return documentChecked(await call('recovery.scanDocument', { mrz }));
  }

  /** Path 2 with no number typed: the passport's MRZ names the citizen and is checked at once. */
  async function startByPassportMrz(mrz: string): Promise<boolean> {
    mismatches.value = [];
    const result = await call('recovery.startByPassportMrz', { mrz });
    path.value = 'document';
    return documentChecked(result);
  }

  function documentChecked(result: CallResponse<'recovery.scanDocument'>): boolean {
    if (result.matched) {
      questions.value = result.questions;
      mismatches.value = [];
      return true;
    }
    mismatches.value = result.mismatches;
    attemptsLeft.value = result.attemptsLeft;
    return false;
  }

  async function answer(answers: Partial<Record<KnowledgeQuestion, string>>): Promise<boolean> {
    const result = await call('recovery.answer', { answers });
    attemptsLeft.value = result.attemptsLeft;
    return result.passed;
  }

  async function sendNewPhoneCode(phone: string): Promise<void> {
    const sent = await call('recovery.sendNewPhoneCode', { phone });
    codeId.value = sent.codeId;
    maskedPhone.value = sent.maskedPhone;
  }

  async function submit(code: string): Promise<void> {
    const done = await call('recovery.submit', { codeId: codeId.value ?? '', code });
    reference.value = done.reference;
  }

  /** A new code in place of a dead one, to where the last one went. */
  async function resendCode(purpose: RecoveryCodePurpose): Promise<void> {
    const sent = await call('recovery.resendCode', { purpose });
    codeId.value = sent.codeId;
  }

  async function sendNewEmailCode(email: string): Promise<void> {
    const sent = await call('recovery.sendNewEmailCode', { email });
    codeId.value = sent.codeId;
    maskedEmail.value = sent.maskedEmail;
    emailAdded.value = false;
  }

  async function addNewEmail(code: string): Promise<void> {
    const done = await call('recovery.addNewEmail', { codeId: codeId.value ?? '', code });
    maskedEmail.value = done.maskedEmail;
    emailAdded.value = true;
  }

  return {
    path,
    codeId,
    maskedPhone,
    maskedEmail,
    emailAdded,
    attemptsLeft,
    mismatches,
    questions,
    reference,
    start,
    requestReset,
    scan,
    startByPassportMrz,
    answer,
    sendNewPhoneCode,
    submit,
    resendCode,
    sendNewEmailCode,
    addNewEmail,
  };
});

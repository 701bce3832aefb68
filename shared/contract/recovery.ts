import { z } from 'zod';
import { idNumberSchema, passportSchema, phoneSchema } from '../identifiers/schemas';
import { defineCall } from './define';
import { empty } from './system';

/** A scanner or a clerk may send anything; the MRZ parser, not the schema, explains what is wrong. */
const MAX_SCAN_CHARACTERS = 20_000;

export const recoveryPathSchema = z.enum(['reset', 'document']);
export type RecoveryPath = z.output<typeof recoveryPathSchema>;

/**
 * What the citizen is asked on the keypad after the document matched: only what the document
 * does not carry (its MRZ already proved the birth date, names and document number).
 */
export const knowledgeQuestionSchema = z.enum(['licenceYear', 'registeredPhone']);
export type KnowledgeQuestion = z.output<typeof knowledgeQuestionSchema>;

/** What of the document disagrees with the record; the record's values are never sent. */
export const documentMismatchSchema = z.enum(['documentNumber', 'names', 'birthDate', 'expired']);
export type DocumentMismatch = z.output<typeof documentMismatchSchema>;

export const rejectionReasonSchema = z.enum(['document-not-presented', 'document-differs', 'photo-differs', 'other']);
export type RejectionReason = z.output<typeof rejectionReasonSchema>;

export const recoveryStatusSchema = z.enum(['pending', 'approved', 'rejected', 'expired']);

const codeSent = z.object({ codeId: z.string(), maskedPhone: z.string(), expiresAt: z.string() });
/**
 * A new email address typed on the screen. Trimmed (an on-screen keyboard can leave a stray
 * space); 254 characters is the longest address mail can carry (RFC 5321).
 */
export const newEmailSchema = z.string().trim().max(254).pipe(z.email());

const codeEntry = z.object({ codeId: z.string().min(1).max(100), code: z.string().regex(/^[0-9]{4,8}$/) }).strict();

export const pendingRecoverySchema = z.object({
  requestId: z.string(),
  reference: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** For the clerk comparing the physical document: the record, in full. */
  fullName: z.string(),
  dateOfBirth: z.string(),
  idNumber: z.string(),
  documentFormat: z.enum(['TD1', 'TD3']),
  documentNumberOnRecord: z.string().nullable(),
  maskedNewPhone: z.string(),
  /** The optional new email, masked; null when the citizen gave none. */
  maskedNewEmail: z.string().nullable(),
  /** The signed-in staff member was signed in while it was made: someone else must approve it. */
  attendedByYou: z.boolean(),
});
export type PendingRecovery = z.output<typeof pendingRecoverySchema>;

/** What the document scanner (or a clerk) typed. */
const scannedDocument = z.object({ mrz: z.string().max(MAX_SCAN_CHARACTERS) }).strict();

/** A document compared with the record: the questions still to ask, or what differs. */
const documentChecked = z.discriminatedUnion('matched', [
  // No questions when the record holds nothing the document does not: the clerk's check stands alone.
  z.object({ matched: z.literal(true), questions: z.array(knowledgeQuestionSchema) }),
  z.object({
    matched: z.literal(false),
    mismatches: z.array(documentMismatchSchema).min(1),
    attemptsLeft: z.number().int().nonnegative(),
  }),
]);

/** Which of the flow's codes to send again: the registered phone's, the new phone's or the new email's. */
export const recoveryCodePurposeSchema = z.enum(['reset', 'new-phone', 'new-email']);
export type RecoveryCodePurpose = z.output<typeof recoveryCodePurposeSchema>;

export const recoveryCalls = {
  /**
   * The citizen typed their ID number, or their passport number (a passport may be the only
   * document they hold), and chose a path. 'reset' sends a code to the registered phone;
   * 'document' opens the in-person check. Refused when the citizen is locked out for the day.
   */
  'recovery.start': defineCall(
    z.union([
      z.object({ idNumber: idNumberSchema, path: recoveryPathSchema }).strict(),
      z.object({ passportNumber: passportSchema, path: recoveryPathSchema }).strict(),
    ]),
    z.discriminatedUnion('path', [
      z.object({ path: z.literal('reset'), code: codeSent }),
      z.object({ path: z.literal('document'), attemptsLeft: z.number().int().nonnegative() }),
    ]),
  ),
  /** Path 1: the code from the registered phone; records the reset request for the back office. */
  'recovery.requestReset': defineCall(codeEntry, z.object({ reference: z.string(), maskedPhone: z.string() })),
  /**
   * Path 2 started by the passport alone: its MRZ as the scanner (or a clerk) typed it. The
   * record is found by the passport number in it and the document is checked against it at
   * once, as `recovery.scanDocument` does. Counts like `recovery.start` with that number; a
   * misread, an ID card's lines or an expired passport are refused before anything is looked up.
   */
  'recovery.startByPassportMrz': defineCall(scannedDocument, documentChecked),
  /** Path 2: what the document scanner (or a clerk) typed. */
  'recovery.scanDocument': defineCall(scannedDocument, documentChecked),
  /** Answers typed on the keypad: licence year as YYYY, the registered phone as 07XXXXXXXX. */
  'recovery.answer': defineCall(
    z.object({ answers: z.partialRecord(knowledgeQuestionSchema, z.string().regex(/^[0-9]{4,10}$/)) }).strict(),
    z.object({ passed: z.boolean(), attemptsLeft: z.number().int().nonnegative() }),
  ),
  /** The new phone number; a code goes to it to prove the citizen holds it. */
  'recovery.sendNewPhoneCode': defineCall(z.object({ phone: phoneSchema }).strict(), codeSent),
  /** The code from the new phone: the request is recorded, pending a clerk's approval. */
  'recovery.submit': defineCall(codeEntry, z.object({ reference: z.string(), expiresAt: z.string() })),
  /**
   * A new code in place of one that expired or was typed wrong too often, to where the last
   * one went; the visit's limit on codes applies. Not a search: nothing new is looked up.
   */
  'recovery.resendCode': defineCall(
    z.object({ purpose: recoveryCodePurposeSchema }).strict(),
    z.object({ codeId: z.string(), expiresAt: z.string() }),
  ),
  /**
   * Optional, after the new phone's code: a new email address; a code goes to it to prove the
   * citizen reads it. Only while the visit's request is still pending.
   */
  'recovery.sendNewEmailCode': defineCall(
    z.object({ email: newEmailSchema }).strict(),
    z.object({ codeId: z.string(), maskedEmail: z.string(), expiresAt: z.string() }),
  ),
  /** The code from the new email: the address is added to the visit's pending request. */
  'recovery.addNewEmail': defineCall(codeEntry, z.object({ reference: z.string(), maskedEmail: z.string() })),
  /** Clerk: the requests waiting for a decision (stale ones expire first). */
  'recovery.pending': defineCall(empty, z.object({ requests: z.array(pendingRecoverySchema) }), 'clerk'),
  'recovery.approve': defineCall(
    z.object({ requestId: z.string().uuid() }).strict(),
    z.object({ status: recoveryStatusSchema }),
    'clerk',
  ),
  'recovery.reject': defineCall(
    z.object({ requestId: z.string().uuid(), reason: rejectionReasonSchema }).strict(),
    z.object({ status: recoveryStatusSchema }),
    'clerk',
  ),
} as const;

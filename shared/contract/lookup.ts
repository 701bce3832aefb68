import { z } from 'zod';
import { idNumberSchema, kraPinSchema, passportSchema, phoneSchema } from '../identifiers';
import { defineCall } from './define';
import { empty } from './system';

/** What a citizen can search by. */
export const lookupKind = z.enum(['idNumber', 'phone', 'passport', 'kraPin']);
export type LookupKind = z.output<typeof lookupKind>;

/** Validated and normalised by the shared identifier rules before any handler runs. */
export const lookupQuery = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('idNumber'), value: idNumberSchema }).strict(),
  z.object({ kind: z.literal('phone'), value: phoneSchema }).strict(),
  z.object({ kind: z.literal('passport'), value: passportSchema }).strict(),
  z.object({ kind: z.literal('kraPin'), value: kraPinSchema }).strict(),
]);
export type LookupQuery = z.output<typeof lookupQuery>;

export const accountType = z.enum(['citizen', 'resident', 'diplomat', 'visitor', 'business']);
export const accountStatus = z.enum(['active', 'locked', 'suspended', 'closed']);

/** What an unverified person may see: enough to recognise one's own account, nothing more. */
export const maskedAccountSchema = z.object({
  maskedName: z.string(),
  accounts: z.array(z.object({ type: accountType, status: accountStatus, maskedBusinessName: z.string().nullable() })),
  maskedPhone: z.string().nullable(),
  maskedEmail: z.string().nullable(),
});
export type MaskedAccount = z.output<typeof maskedAccountSchema>;

const lookupsLeft = z.number().int().nonnegative();
export const lookupResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('found'), account: maskedAccountSchema, lookupsLeft }),
  z.object({ outcome: z.literal('not-found'), lookupsLeft }),
  /** More than one account shares this phone number: the citizen searches by ID number instead. */
  z.object({ outcome: z.literal('ambiguous'), lookupsLeft }),
]);
export type LookupResult = z.output<typeof lookupResultSchema>;

export const sentCodeSchema = z.object({ codeId: z.string(), maskedPhone: z.string(), expiresAt: z.string() });

export const expiryStatus = z.enum(['valid', 'expiring', 'expired', 'none']);
export type ExpiryStatus = z.output<typeof expiryStatus>;

/** The full picture, for a visit that proved who it is. */
export const accountDetailsSchema = z.object({
  name: z.string(),
  verifiedBy: z.enum(['otp', 'in-person']),
  accounts: z.array(z.object({ type: accountType, status: accountStatus, businessName: z.string().nullable() })),
  maskedPhone: z.string().nullable(),
  maskedEmail: z.string().nullable(),
  licence: z
    .object({
      id: z.number().int(),
      number: z.string(),
      classes: z.string(),
      expiresOn: z.string(),
      status: z.enum(['valid', 'expiring', 'expired', 'suspended', 'revoked']),
    })
    .nullable(),
  vehicles: z.array(
    z.object({
      plate: z.string(),
      make: z.string(),
      model: z.string(),
      year: z.number().int(),
      insurance: z.object({ status: expiryStatus, expiresOn: z.string().nullable() }),
      inspection: z.object({ status: expiryStatus, expiresOn: z.string().nullable() }),
    }),
  ),
  unpaidFines: z.array(
    z.object({
      id: z.number().int(),
      reference: z.string(),
      /** The offence in both languages; the Kiswahili is the English where the back office gave none. */
      offence: z.object({ en: z.string(), sw: z.string() }),
      amount: z.number().int(),
      issuedOn: z.string(),
      plate: z.string().nullable(),
    }),
  ),
  unpaidTotal: z.number().int().nonnegative(),
  /**
   * Fines this kiosk took the money for: the kiosk shows what it knows before the back
   * office's copy comes back through sync. They are in neither the unpaid list nor its total.
   */
  paidHere: z.array(
    z.object({
      id: z.number().int(),
      reference: z.string(),
      offence: z.object({ en: z.string(), sw: z.string() }),
      amount: z.number().int(),
      receiptNumber: z.string(),
      paidAt: z.string(),
    }),
  ),
});
export type AccountDetails = z.output<typeof accountDetailsSchema>;

export const lookupCalls = {
  /** Search the local replica; counts toward the visit's and the kiosk's limits. */
  'lookup.search': defineCall(lookupQuery, lookupResultSchema),
  /** A one-time code to the registered phone of the account just found. */
  'lookup.sendCode': defineCall(empty, sentCodeSchema),
  'lookup.verifyCode': defineCall(
    z.object({ codeId: z.string().min(1).max(64), code: z.string().regex(/^[0-9]{4,8}$/) }).strict(),
    z.object({ verified: z.literal(true) }),
  ),
  /** Licence, vehicles and unpaid fines of the person this visit has proved to be. */
  'lookup.details': defineCall(empty, accountDetailsSchema),
  /** Demo and test aid: what the SMS simulator has "sent". Staff only; refused with a real provider. */
  'sms.simulatorOutbox': defineCall(
    empty,
    z.object({ messages: z.array(z.object({ to: z.string(), text: z.string(), sentAt: z.string() })) }),
    'clerk',
  ),
} as const;

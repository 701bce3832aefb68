import { z } from 'zod';
import { validateIdentifier, type IdentifierKind } from './validate';

/**
 * A zod schema that validates and normalises one kind of identifier, for the contract.
 * A refusal is a custom issue whose message is the reason code and whose `params.reason`
 * carries it too, so a handler can look up the bilingual text with `identifierMessage`.
 */
export function identifierSchema(kind: IdentifierKind) {
  return z.string().transform((raw, ctx) => {
    const result = validateIdentifier(kind, raw);
    if (result.ok) return result.value;
    ctx.issues.push({ code: 'custom', message: result.reason, params: { kind, reason: result.reason }, input: raw });
    return z.NEVER;
  });
}

export const idNumberSchema = identifierSchema('idNumber');
export const phoneSchema = identifierSchema('phone');
export const passportSchema = identifierSchema('passport');
export const kraPinSchema = identifierSchema('kraPin');
export const plateSchema = identifierSchema('plate');

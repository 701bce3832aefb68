import { parseKraPin, type KraPinReason } from './kra-pin';
import { parseIdNumber, type IdNumberReason } from './national-id';
import { parsePassportNumber, type PassportReason } from './passport';
import { parseKenyanMobile, type PhoneReason } from './phone';
import { parsePlate, type PlateReason } from './plate';
import type { IdentifierResult } from './raw-input';

/** Why each kind of identifier can be refused; the messages table is typed from this. */
export interface InvalidReasons {
  idNumber: IdNumberReason;
  phone: PhoneReason;
  passport: PassportReason;
  kraPin: KraPinReason;
  plate: PlateReason;
}

export type IdentifierKind = keyof InvalidReasons;
export type InvalidReason = InvalidReasons[IdentifierKind];

export const IDENTIFIER_KINDS = ['idNumber', 'phone', 'passport', 'kraPin', 'plate'] as const satisfies readonly IdentifierKind[];

const parsers: { [K in IdentifierKind]: (raw: string) => IdentifierResult<InvalidReasons[K]> } = {
  idNumber: parseIdNumber,
  phone: parseKenyanMobile,
  passport: parsePassportNumber,
  kraPin: parseKraPin,
  plate: parsePlate,
};

/**
 * One entry point for every identifier the kiosk accepts: the normalised value
 * (phone as E.164, passport and PIN upper-case, plate as "KDA 123A") or why it was refused.
 */
export function validateIdentifier<K extends IdentifierKind>(
  kind: K,
  raw: string,
): IdentifierResult<InvalidReasons[K]> {
  return parsers[kind](raw);
}

/** Turning MRZ characters into plain values. Each returns null when the content is impossible. */
import { kenyaDate } from '../kenya/time';

/** Fillers pad fields at either end; inner fillers are kept (they separate parts of some numbers). */
export function withoutFillers(field: string): string {
  return field.replace(/^<+|<+$/g, '');
}

/** 'ERIKSSON<<ANNA<MARIA<<<' → surname 'ERIKSSON', given names 'ANNA MARIA'. */
export function splitName(nameField: string): { surname: string; givenNames: string } {
  const separator = nameField.indexOf('<<');
  const surname = separator < 0 ? nameField : nameField.slice(0, separator);
  const givenNames = separator < 0 ? '' : nameField.slice(separator + 2);
  return { surname: fillersToSpaces(surname), givenNames: fillersToSpaces(givenNames) };
}

function fillersToSpaces(part: string): string {
  return part.replace(/<+/g, ' ').trim();
}

export function sexFromMrz(character: string): 'M' | 'F' | 'X' | null {
  if (character === 'M' || character === 'F') return character;
  return character === '<' ? 'X' : null;
}

/** A birth date: the latest century that does not put it after `now` (Kenyan calendar date). */
export function birthDateFromMrz(yymmdd: string, now: Date): string | null {
  if (!/^[0-9]{6}$/.test(yymmdd)) return null;
  const today = kenyaDate(now);
  const in2000s = `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  return validDate(in2000s > today ? `19${yymmdd.slice(0, 2)}` : `20${yymmdd.slice(0, 2)}`, yymmdd);
}

/** An expiry date: always 20YY (documents expire at most about ten years out). */
export function expiryDateFromMrz(yymmdd: string): string | null {
  if (!/^[0-9]{6}$/.test(yymmdd)) return null;
  return validDate(`20${yymmdd.slice(0, 2)}`, yymmdd);
}

function validDate(yyyy: string, yymmdd: string): string | null {
  const year = Number(yyyy);
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return isoDate(year, month, day);
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

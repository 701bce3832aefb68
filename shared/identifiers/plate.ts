import { precheck, type IdentifierResult } from './raw-input';

export type PlateReason = 'empty' | 'too-long' | 'bad-characters' | 'bad-format';

// Kenyan plates skip I and O (too easily read as 1 and 0).
const PLATE_LETTER = '[A-HJ-NP-Z]';
const PLATE = new RegExp(`^K(${PLATE_LETTER}{2})([0-9]{3})(${PLATE_LETTER})$`);

/**
 * A standard Kenyan number plate, normalised to "KDA 123A" from "kda123a", "KDA-123A" or
 * "K DA 123 A". Special series (GK government, CD diplomatic) and motorcycle plates are
 * not accepted here.
 */
export function parsePlate(raw: string): IdentifierResult<PlateReason> {
  const pre = precheck(raw);
  if (!pre.ok) return pre;
  const compact = pre.text.replace(/[ -]/g, '');
  // Checked before upper-casing: Unicode case mapping can turn non-ASCII letters into ASCII.
  if (!/^[A-Za-z0-9]+$/.test(compact)) return { ok: false, reason: 'bad-characters' };
  const match = PLATE.exec(compact.toUpperCase());
  if (!match) return { ok: false, reason: 'bad-format' };
  const [, series, digits, suffix] = match;
  return { ok: true, value: `K${series} ${digits}${suffix}` };
}

import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L or 5/S: the citizen reads this out at the counter. */
const ALPHABET = '2346789ABCDEFGHJKMNPQRTUVWXYZ';

/** A short reference like 'RC-7K3P9Q', for the citizen to give at the counter. */
export function newRecoveryReference(): string {
  let text = '';
  for (let i = 0; i < 6; i++) text += ALPHABET[randomInt(ALPHABET.length)];
  return `RC-${text}`;
}

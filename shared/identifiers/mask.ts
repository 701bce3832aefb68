import { parseKenyanMobile } from './phone';

/**
 * Masks for a shared, public screen: enough for a citizen to recognise their own record,
 * too little for someone behind them to learn anything. Every mask returns '' for
 * missing or unreadable input, so nothing unmasked can ever reach the screen.
 */

const BULLET = '•';

/** 'Jane Wanjiku Kamau' → 'J*** W*** K***': the first letter of each name, always three stars. */
export function maskName(name: string | null | undefined): string {
  if (!name) return '';
  return name
    .normalize('NFC')
    .split(/\s+/u)
    // The first letter, not the first character, so "(Jane)" or "'Abdi" still show a letter.
    .map((word) => /\p{L}/u.exec(word)?.[0])
    .filter((initial) => initial !== undefined)
    .map((initial) => `${initial}***`)
    .join(' ');
}

/** '+254712345457' (or any form `parseKenyanMobile` accepts) → '07•• ••• 457'. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const parsed = parseKenyanMobile(phone);
  if (!parsed.ok) return '';
  const national = `0${parsed.value.slice(4)}`;
  return `${national.slice(0, 2)}${BULLET.repeat(2)} ${BULLET.repeat(3)} ${national.slice(-3)}`;
}

/** 'jane.kamau@gmail.com' → 'j•••@gmail.com': the first character of the mailbox, the domain kept. */
export function maskEmail(email: string | null | undefined): string {
  if (!email) return '';
  const text = email.trim();
  const at = text.lastIndexOf('@');
  if (at < 0) return '';
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (local === '' || domain === '') return '';
  // By code point, so an emoji or non-Latin first character is never cut in half.
  const [first] = Array.from(local);
  return `${first}${BULLET.repeat(3)}@${domain}`;
}

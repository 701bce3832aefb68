import { describe, expect, it } from 'vitest';
import { OFFENCES, type OffenceName } from '../../electron/demo/ntsa-records';
import { codeEmail } from '../../electron/core/verification/email-text';
import { codeSmsText, type CodePurpose } from '../../electron/core/verification/sms-text';
import { errorCatalog } from '../../shared/errors';
import { identifierMessages } from '../../shared/identifiers';
import { mrzMessages } from '../../shared/mrz';

/**
 * Strings that are the same word in both languages: names of things, not sentences. Add
 * one only if a Kiswahili speaker would write it exactly so.
 */
const SAME_IN_BOTH = new Set([
  'English',
  'Kiswahili',
  'eCitizen',
  'NTSA',
  'M-Pesa',
  'KRA PIN',
  'OK',
  'PIN',
  'Visa',
  'Mastercard',
  'KES',
  'SMS',
  'QR',
  'Huduma',
  'Excel',
]);

type Tree = { [key: string]: string | Tree };

/** Every string in a message tree, by its dotted key. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(at, value);
    else if (value && typeof value === 'object') for (const [k, v] of leaves(value, at)) out.set(k, v);
  }
  return out;
}

/** A string with nothing to translate: placeholders, numbers, symbols, acronyms (KES, PDF) or a listed name. */
const untranslatable = (text: string) =>
  SAME_IN_BOTH.has(text.trim()) || !/\p{L}{2,}/u.test(text.replace(/\{\w+\}/g, '').replace(/\b\p{Lu}{2,5}\b/gu, ''));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Every feature's strings, as the app really registers them. Imported by a runtime path:
// the renderer belongs to the web type-check project, not this one.
const rendererI18n = '../../renderer/src/i18n/index.ts';
const { i18n } = (await import(/* @vite-ignore */ rendererI18n)) as { i18n: { global: { messages: { value: Record<'en' | 'sw', Tree> } } } };
const messages = i18n.global.messages.value;
const screens = { en: leaves(messages.en), sw: leaves(messages.sw) };
const errors = {
  en: new Map(Object.entries(errorCatalog).map(([code, text]) => [code, text.en])),
  sw: new Map(Object.entries(errorCatalog).map(([code, text]) => [code, text.sw])),
};

describe.each([
  ['screen text', screens],
  ['error messages', errors],
])('Kiswahili for every %s', (_what, { en, sw }) => {
  it('has exactly the keys the English has', () => {
    expect([...en.keys()].filter((key) => !sw.has(key)), 'missing in Kiswahili').toEqual([]);
    expect([...sw.keys()].filter((key) => !en.has(key)), 'only in Kiswahili').toEqual([]);
  });

  it('is a translation, not an empty string or a copy of the English', () => {
    const problems = [...en].flatMap(([key, english]) => {
      const kiswahili = sw.get(key) ?? '';
      if (!kiswahili.trim()) return [`${key}: empty`];
      if (kiswahili === english && !untranslatable(english)) return [`${key}: same as English ("${english}")`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  it('keeps the same {placeholders}', () => {
    const problems = [...en]
      .filter(([key, english]) => sw.has(key) && placeholders(english).join() !== placeholders(sw.get(key)!).join())
      .map(([key]) => key);
    expect(problems).toEqual([]);
  });
});

describe('the check itself', () => {
  it('sees every feature registered in the app, not just the foundation', () => {
    expect(screens.en.size).toBeGreaterThan(40);
    expect([...screens.en.keys()].some((key) => key.startsWith('idle.'))).toBe(true);
  });
});

const PURPOSES: readonly CodePurpose[] = ['lookup', 'recovery.reset', 'recovery.new-phone', 'recovery.new-email'];

/** Every Kiswahili sentence the kiosk shows or sends: screens, errors, field and scan messages, SMS and email. */
const everyKiswahiliText = new Map<string, string>([
  ...[...screens.sw].map(([key, text]) => [`screen ${key}`, text] as const),
  ...[...errors.sw].map(([key, text]) => [`error ${key}`, text] as const),
  ...Object.entries(identifierMessages).flatMap(([kind, reasons]) =>
    Object.entries(reasons as Record<string, { sw: string }>).map(([reason, text]) => [`field ${kind}.${reason}`, text.sw] as const),
  ),
  ...Object.entries(mrzMessages).map(([reason, text]) => [`scan ${reason}`, text.sw] as const),
  ...PURPOSES.flatMap((purpose) => {
    const email = codeEmail(purpose, '123456', 10, 'sw');
    return [
      [`sms ${purpose}`, codeSmsText(purpose, '123456', 10, 'sw')],
      [`email subject ${purpose}`, email.subject],
      [`email ${purpose}`, email.text],
    ] as const;
  }),
]);

describe('one Kiswahili voice', () => {
  it('says "nambari" for a number everywhere, never "namba"', () => {
    const namba = [...everyKiswahiliText].filter(([, text]) => /\bnamba\b/iu.test(text)).map(([where]) => where);
    expect(namba).toEqual([]);
  });

  it('names the kiosk one way, "Kioski cha eCitizen", on screen and in every SMS and email', () => {
    expect(screens.sw.get('app.name')).toBe('Kioski cha eCitizen');
    const names = new Set([...everyKiswahiliText.values()].flatMap((text) => [...text.matchAll(/kioski\s+\p{L}+\s+ecitizen/giu)].map((m) => m[0].toLowerCase())));
    expect([...names]).toEqual(['kioski cha ecitizen']);
    expect(codeSmsText('lookup', '123456', 10, 'sw')).toContain('Kioski cha eCitizen');
  });

  it('has a Kiswahili name for every offence the catalogue knows', () => {
    const untranslated = Object.values<OffenceName>(OFFENCES).filter((offence) => !offence.sw.trim() || offence.sw === offence.en);
    expect(untranslated).toEqual([]);
  });
});

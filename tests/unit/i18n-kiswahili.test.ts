import { describe, expect, it } from 'vitest';
import { errorCatalog } from '../../shared/errors';

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

export interface Utterance {
  text: string;
  lang: string;
}

/** Speech-synthesis language tags for the kiosk's languages, as spoken in Kenya. */
const VOICE_LANG: Record<string, string> = { en: 'en-KE', sw: 'sw-KE' };

const langOf = (element: Element): string => VOICE_LANG[element.closest('[lang]')?.getAttribute('lang') ?? 'en'] ?? 'en-KE';
const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * What a screen says when read aloud: an open dialog's title and text if there is one
 * (the idle warning must be heard), else the screen's title and lead, else whatever is
 * marked `data-speak`. Parts in another language (`lang` on a child) are read in it.
 */
export function spokenText(doc: Document): Utterance[] {
  const dialog = doc.querySelector('dialog[open]');
  const scope = dialog ?? doc.querySelector('main') ?? doc.body;
  const marked = [...scope.querySelectorAll('[data-speak]')];
  const parts = marked.length > 0 ? marked : [...scope.querySelectorAll('h1, h2, .screen__lead, .dialog-body')];
  return parts.flatMap((part) => {
    const localized = [...part.querySelectorAll(':scope > [lang]')];
    const pieces = localized.length > 0 ? localized : [part];
    return pieces.map((piece) => ({ text: clean(piece.textContent), lang: langOf(piece) })).filter((u) => u.text);
  });
}

import { onBeforeUnmount, onMounted, watch } from 'vue';
import { useAccessibilityStore } from './accessibility-store';
import { spokenText, type Utterance } from './spoken-text';

const SETTLE_MS = 300;

/**
 * Speech guidance: while it is on, each new step (or dialog) is read aloud with the Web
 * Speech API, in the language it is shown in. Watches the page itself, so every flow's
 * screens are read without changes of their own. Stops mid-sentence when turned off.
 */
export function useSpeechGuidance(): void {
  const modes = useAccessibilityStore();
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  let lastSaid = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  function speak(parts: Utterance[]): void {
    if (!synth) return;
    synth.cancel();
    for (const part of parts) {
      const utterance = new SpeechSynthesisUtterance(part.text);
      utterance.lang = part.lang;
      utterance.voice = synth.getVoices().find((voice) => voice.lang.replace('_', '-') === part.lang) ?? null;
      utterance.rate = 0.9;
      synth.speak(utterance);
    }
  }

  function readIfChanged(): void {
    if (!modes.speech) return;
    const parts = spokenText(document);
    const said = JSON.stringify(parts);
    if (parts.length === 0 || said === lastSaid) return;
    lastSaid = said;
    speak(parts);
  }

  // Screens render in several passes: read once the page has settled.
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(readIfChanged, SETTLE_MS);
  });
  onMounted(() => observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['open', 'lang'] }));
  onBeforeUnmount(() => {
    observer.disconnect();
    clearTimeout(timer);
    synth?.cancel();
  });

  watch(
    () => modes.speech,
    (on) => {
      lastSaid = '';
      if (on) readIfChanged();
      else synth?.cancel();
    },
  );
}

import { onBeforeUnmount, onMounted } from 'vue';
import { badgeCodeSchema } from '@shared/contract/staff';

/**
 * A badge scanner is a keyboard that types the whole code and Enter within a few dozen
 * milliseconds; no hand types that fast, so a slower key starts over.
 */
const MAX_KEY_GAP_MS = 50;

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * Hears a staff badge scanned on any screen. Keys meant for a field (its focus) are left to
 * it; the scan's Enter is kept from pressing whatever button has the focus.
 */
export function useBadgeScanner(onScan: (badgeCode: string) => void): void {
  let typed = '';
  let lastKeyAt = Number.NEGATIVE_INFINITY;

  function onKey(event: KeyboardEvent): void {
    if (isEditable(event.target)) return;
    if (event.timeStamp - lastKeyAt > MAX_KEY_GAP_MS) typed = '';
    lastKeyAt = event.timeStamp;
    if (event.key !== 'Enter') {
      if (event.key.length === 1) typed += event.key;
      return;
    }
    const code = typed;
    typed = '';
    if (!badgeCodeSchema.safeParse(code).success) return;
    event.preventDefault();
    onScan(code);
  }

  onMounted(() => window.addEventListener('keydown', onKey, { capture: true }));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey, { capture: true }));
}

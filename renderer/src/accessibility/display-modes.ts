import { watchEffect } from 'vue';
import { useAccessibilityStore } from './accessibility-store';

/** Classes on <html> that switch kiosk.css into each mode (the e2e helper sets the same). */
export const HIGH_CONTRAST_CLASS = 'a11y-high-contrast';
export const LARGE_TEXT_CLASS = 'a11y-large-text';

/** Keeps <html>'s mode classes in step with the citizen's choices, on every screen. */
export function useDisplayModes(): void {
  const modes = useAccessibilityStore();
  watchEffect(() => {
    const root = document.documentElement.classList;
    root.toggle(HIGH_CONTRAST_CLASS, modes.highContrast);
    root.toggle(LARGE_TEXT_CLASS, modes.largeText);
  });
}

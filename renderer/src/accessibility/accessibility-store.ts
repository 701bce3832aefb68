import { defineStore } from 'pinia';
import { ref } from 'vue';

/**
 * The citizen's display and speech choices. A visit store: the visit wipe puts them back
 * to the defaults when the visit ends, so the next person starts from the usual screen.
 */
export const useAccessibilityStore = defineStore('accessibility', () => {
  const highContrast = ref(false);
  const largeText = ref(false);
  const speech = ref(false);
  return { highContrast, largeText, speech };
});

import type { Ref } from 'vue';

/**
 * What the on-screen keypad and keyboard do to the value they edit: add a key (up to the
 * length allowed), take one back, clear. Each returns whether it changed anything, so the
 * component emits only real presses. Disabled keys change nothing.
 */
export function useTypedKeys(model: Ref<string>, limits: () => { disabled: boolean; maxLength: number }) {
  return {
    add(key: string): boolean {
      const { disabled, maxLength } = limits();
      if (disabled || model.value.length >= maxLength) return false;
      model.value += key;
      return true;
    },
    backspace(): boolean {
      if (limits().disabled) return false;
      model.value = model.value.slice(0, -1);
      return true;
    },
    clear(): boolean {
      if (limits().disabled) return false;
      model.value = '';
      return true;
    },
  };
}

/** A hardware key pressed while focus is in a text field belongs to that field, not to the on-screen keys. */
export function typesItself(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

import { ref } from 'vue';
import type { z } from 'zod';
import { ConsoleApiError } from './api';
import { useSessionStore } from './stores/session';

/** What the status line says, as an i18n key and its values (so it follows a change of language). */
export interface Said {
  key: string;
  values?: Record<string, string>;
}

/**
 * A screen's changes, one at a time: when the hub says done, the status line (aria-live)
 * says what happened; when it refuses, the problem line says why from the hub's code, in
 * the admin's language. A 401 means the session ended: back to sign-in.
 */
export function useConsoleAction() {
  const busy = ref(false);
  const done = ref<Said | null>(null);
  const refused = ref<string | null>(null);

  async function perform(work: () => Promise<unknown>, said: Said): Promise<boolean> {
    busy.value = true;
    done.value = null;
    refused.value = null;
    try {
      await work();
      done.value = said;
      return true;
    } catch (error) {
      if (error instanceof ConsoleApiError && error.status === 401) useSessionStore().expired();
      else refused.value = error instanceof ConsoleApiError ? error.code : 'refused';
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { busy, done, refused, perform };
}

/** The form's fields a schema refuses (the first level of each issue's path), checked before anything is sent. */
export function fieldsRefused(schema: z.ZodType, value: unknown): Set<string> {
  const parsed = schema.safeParse(value);
  return new Set(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0] ?? '')));
}

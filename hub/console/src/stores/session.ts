import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SessionView, SignIn } from '@shared/console/console-api';
import { callConsole, ConsoleApiError } from '../api';

/** Who is signed in; every screen but sign-in needs someone. */
export const useSessionStore = defineStore('session', () => {
  const session = ref<SessionView | null>(null);
  /** Why the admin is on the sign-in screen again, if not by choice. */
  const ended = ref<'session-expired' | null>(null);

  async function load(): Promise<void> {
    try {
      session.value = await callConsole<SessionView>('GET', '/session');
    } catch (error) {
      if (!(error instanceof ConsoleApiError) || error.status !== 401) throw error;
      session.value = null;
    }
  }

  async function signIn(credentials: SignIn): Promise<void> {
    session.value = await callConsole<SessionView>('POST', '/session', credentials);
    ended.value = null;
  }

  async function signOut(): Promise<void> {
    await callConsole<void>('DELETE', '/session');
    session.value = null;
  }

  /** A call answered 401: the session ended on the hub (idle or too old). */
  function expired(): void {
    session.value = null;
    ended.value = 'session-expired';
  }

  return { session, ended, load, signIn, signOut, expired };
});

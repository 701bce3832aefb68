import type { ConsoleStore } from '../store/console-store';
import { hashPassword, PASSWORD_MIN_LENGTH } from './admin-passwords';

/** Admin names: what a person types to sign in, and what the sign-in audit names. */
export const ADMIN_NAME = /^[a-z][a-z0-9._-]{2,39}$/;

/** Adds a console admin; the password is kept only as its scrypt hash. */
export async function addAdmin(store: ConsoleStore, name: string, password: string, now = new Date()): Promise<void> {
  if (!ADMIN_NAME.test(name)) throw new Error(`admin names are 3 to 40 lower-case letters, digits, dots, dashes or underscores, starting with a letter: not "${name}"`);
  if ([...password].length < PASSWORD_MIN_LENGTH) throw new Error(`the password must have at least ${PASSWORD_MIN_LENGTH} characters`);
  if (!(await store.addAdmin(name, await hashPassword(password), now.toISOString()))) throw new Error(`admin ${name} already exists`);
}

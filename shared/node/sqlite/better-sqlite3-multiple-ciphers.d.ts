/**
 * better-sqlite3-multiple-ciphers ships its types (index.d.ts) but its package.json "exports"
 * does not name them, so TypeScript's bundler resolution cannot find them. Its API is
 * better-sqlite3's, whose types the project already has: the kiosk uses those.
 * (tsconfig.e2e.json names this file too: its programs reach the package through the benches.)
 */
declare module 'better-sqlite3-multiple-ciphers' {
  import Database from 'better-sqlite3';
  export = Database;
}

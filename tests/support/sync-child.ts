/**
 * A kiosk whose only work is sync, for the crash test to kill: `node --import tsx
 * tests/support/sync-child.ts <database> <hub-url> <token>`. Prints "ready" once the sync
 * service runs, then lives until killed.
 */
import { createKioskCore } from '../../electron/core/kiosk-core';
import { fastSyncSettings } from './fast-sync-settings';

const [databaseFile, hubUrl, token] = process.argv.slice(2);
if (!databaseFile || !hubUrl || !token) throw new Error('usage: sync-child.ts <database> <hub-url> <token>');
createKioskCore({ databaseFile, settings: fastSyncSettings(hubUrl, token, { uploadBatchEvents: 3, downloadPageRows: 50 }), version: 'crash-test' });
console.log('ready');

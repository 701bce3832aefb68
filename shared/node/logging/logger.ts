import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import pino, { type Logger, type LoggerOptions } from 'pino';
import { OWNER_ONLY_DIR, OWNER_ONLY_FILE } from '../owner-only';
import { REDACTED, redactLogEntry } from './logger-redaction';

export type { Logger };

/**
 * Structured logs. Nothing that identifies a person is ever passed to the logger (callers
 * log call names, outcomes, codes and hashed subjects); the redaction list is a second
 * line of defence for fields and text that must never appear even by mistake.
 */
export function createLogger(options: { level?: string; file?: string } = {}): Logger {
  // A log file is its user's alone (0600), whoever made it first; a folder made for it, too.
  if (options.file) {
    mkdirSync(path.dirname(options.file), { recursive: true, mode: OWNER_ONLY_DIR });
    if (existsSync(options.file)) chmodSync(options.file, OWNER_ONLY_FILE);
  }
  const destination = options.file ? pino.destination({ dest: options.file, sync: false, mode: OWNER_ONLY_FILE }) : undefined;
  return pino(kioskLoggerOptions(options.level), destination);
}

/** The options every kiosk and hub logger shares: its name, and identifiers scrubbed. */
export function kioskLoggerOptions(level = 'info'): LoggerOptions {
  return {
    level,
    base: { app: 'huduma-kiosk' },
    redact: { paths: ['req.headers["x-kiosk-secret"]'], censor: REDACTED },
    // Identifiers are scrubbed at any depth and out of free text, not just at listed paths.
    formatters: { log: (entry) => redactLogEntry(entry) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? (redactLogEntry(arg) as string) : arg)) as Parameters<typeof method>);
      },
    },
  };
}

export const silentLogger: Logger = pino({ level: 'silent' });

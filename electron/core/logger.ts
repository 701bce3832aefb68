import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs. Nothing that identifies a person is ever passed to the logger (callers
 * log call names, outcomes, codes and hashed subjects); the redaction list is a second
 * line of defence for fields that must never appear even by mistake.
 */
export function createLogger(options: { level?: string; file?: string } = {}): Logger {
  const destination = options.file ? pino.destination({ dest: options.file, mkdir: true, sync: false }) : undefined;
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'huduma-kiosk' },
      redact: {
        paths: ['*.idNumber', '*.phone', '*.email', '*.passport', '*.kraPin', '*.name', '*.mrz', '*.code', '*.pin', 'req.headers["x-kiosk-secret"]'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });

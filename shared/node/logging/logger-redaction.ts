/** Fields that name a person, at any depth of a log entry. */
const SENSITIVE_KEYS = new Set(['idnumber', 'phone', 'msisdn', 'phonenumber', 'email', 'passport', 'krapin', 'name', 'firstname', 'lastname', 'surname', 'fullname', 'mrz', 'code', 'pin', 'otp', 'plate']);

/**
 * What an identifier looks like inside free text (an error message, a URL): a Kenyan
 * phone number in any of its usual forms, or a 7–8 digit ID number standing alone.
 */
const IDENTIFIER_IN_TEXT = /(?:\+?254[ -]?|\b0)[17]\d{2}[ -]?\d{3}[ -]?\d{3}\b|\b\d{7,8}\b/g;

export const REDACTED = '[redacted]';
const MAX_DEPTH = 8;

/**
 * A copy of a log entry with every sensitive field's value replaced and identifiers cut
 * out of strings, at any depth. The logger's last line of defence: callers already log
 * only call names, outcomes, codes and hashed subjects.
 */
export function redactLogEntry(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(IDENTIFIER_IN_TEXT, REDACTED);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactLogEntry(item, depth + 1));
  const source = value instanceof Error ? { ...value, type: value.name, message: value.message, stack: value.stack } : (value as Record<string, unknown>);
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(source)) {
    copy[key] = SENSITIVE_KEYS.has(key.toLowerCase().replace(/[_-]/g, '')) && field !== undefined && field !== null ? REDACTED : redactLogEntry(field, depth + 1);
  }
  return copy;
}

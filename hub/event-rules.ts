import { storableText, uploadedEventSchema } from '@shared/sync/protocol';
import type { JudgedEvent } from './store/hub-store';

/** Dotted lower-case names, as the kiosk's features write them: `payment.settled`. */
const EVENT_TYPE = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

/**
 * Decides whether the hub takes one uploaded event. A refusal is not an error of the batch:
 * the event is stored as rejected with the reason, and the kiosk's queue moves on.
 */
export function judgeEvent(raw: { seq: number } & Record<string, unknown>, maxPayloadBytes: number): JudgedEvent {
  const reject = (reason: string): JudgedEvent => ({
    seq: raw.seq,
    verdict: 'rejected',
    id: shortText(raw.id),
    type: shortText(raw.type),
    reason,
  });
  const parsed = uploadedEventSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return reject(`invalid ${issue?.path.join('.') || 'event'}: ${issue?.message ?? 'malformed'}`);
  }
  const event = parsed.data;
  if (!EVENT_TYPE.test(event.type)) return reject(`unknown event type format: ${event.type}`);
  if (typeof event.payload !== 'object' || event.payload === null || Array.isArray(event.payload)) {
    return reject('payload must be a JSON object');
  }
  const bytes = Buffer.byteLength(JSON.stringify(event.payload));
  if (bytes > maxPayloadBytes) return reject(`payload of ${bytes} bytes exceeds the hub's limit of ${maxPayloadBytes}`);
  return { seq: event.seq, verdict: 'accepted', event };
}

/** What of a refused event's fields is worth keeping beside the reason: short text a text column takes. */
function shortText(value: unknown): string | null {
  return storableText().max(100).safeParse(value).data ?? null;
}

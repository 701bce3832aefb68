import { describe, expect, it } from 'vitest';
import { judgeEvent } from '../../hub/event-rules';

const at = '2026-12-02T08:00:00.000Z';

describe("the hub's judgement of one uploaded event", () => {
  it('takes a well-formed event whole', () => {
    const event = { seq: 1, id: 'evt-1', type: 'visit.started', payload: { note: 'a\u0000b' }, createdAt: at };
    expect(judgeEvent(event, 1024)).toEqual({ seq: 1, verdict: 'accepted', event });
  });

  it('rejects text with a NUL character, which PostgreSQL cannot store as text, and keeps only what it can store beside the reason', () => {
    expect(judgeEvent({ seq: 2, id: 'evt\u00002', type: 'visit.started', payload: {}, createdAt: at }, 1024)).toEqual({
      seq: 2,
      verdict: 'rejected',
      id: null,
      type: 'visit.started',
      reason: 'invalid id: text may not contain a NUL character',
    });
    expect(judgeEvent({ seq: 3, id: 'evt-3', type: 'visit\u0000started', payload: {}, createdAt: at }, 1024)).toMatchObject({
      verdict: 'rejected',
      id: 'evt-3',
      type: null,
      reason: 'invalid type: text may not contain a NUL character',
    });
  });

  it('rejects a payload over the limit and a type that is not dotted lower case', () => {
    expect(judgeEvent({ seq: 4, id: 'evt-4', type: 'visit.started', payload: { blob: 'x'.repeat(2000) }, createdAt: at }, 1024)).toMatchObject({
      verdict: 'rejected',
      reason: expect.stringMatching(/exceeds the hub's limit of 1024/) as unknown as string,
    });
    expect(judgeEvent({ seq: 5, id: 'evt-5', type: 'VisitStarted', payload: {}, createdAt: at }, 1024)).toMatchObject({ verdict: 'rejected', type: 'VisitStarted' });
  });
});

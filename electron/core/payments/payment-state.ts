import type { PaymentState } from '@shared/contract/payments';

/** What can happen to a payment attempt, from whichever source (query, callback, terminal, clerk). */
export type PaymentEvent =
  /** The provider took the request: an M-Pesa prompt is on its way to the phone. */
  | { readonly type: 'prompted'; readonly checkoutRequestId: string }
  /** The request may have reached the provider, but its answer was not recorded (a crash, a time-out). */
  | { readonly type: 'doubted'; readonly reason: string }
  /** M-Pesa says the money moved but its receipt number has not come yet. */
  | { readonly type: 'confirmed' }
  /** Proof that money was taken: M-Pesa receipt number, card approval code, or the clerk who took the cash. */
  | { readonly type: 'receipt'; readonly providerReference: string }
  /** The provider's final "no": `expired` for M-Pesa 1019 and card time-outs, `cancelled` for 1032 and a cancel at the terminal. */
  | { readonly type: 'declined'; readonly as: 'failed' | 'cancelled' | 'expired'; readonly resultCode: number | null; readonly reason: string }
  /** The request never reached the provider, or the kiosk stopped waiting for an answer. */
  | { readonly type: 'abandoned'; readonly as: 'failed' | 'expired'; readonly reason: string };

export interface PaymentSnapshot {
  readonly state: PaymentState;
  readonly confirmed: boolean;
  readonly providerReference: string | null;
}

export type Decision =
  | { readonly kind: 'transition'; readonly to: PaymentState; readonly event: PaymentEvent }
  /** Nothing to record but a fact: `confirmed` set on a payment still waiting. */
  | { readonly kind: 'note-confirmed' }
  /** Already known (a repeat), arrived after settlement, or contradicts what is recorded. */
  | { readonly kind: 'ignore'; readonly why: 'repeat' | 'settled' | 'conflict' };

export const UNSETTLED: readonly PaymentState[] = ['created', 'prompted', 'in_doubt'];
export const isUnsettled = (state: PaymentState) => UNSETTLED.includes(state);

/**
 * The payment state machine, as a pure function so that every source of news goes
 * through the same rules:
 *
 *   created → prompted → paid | failed | cancelled | expired
 *   created | prompted → in_doubt → prompted | paid | failed | cancelled | expired
 *
 * - A provider receipt always wins: money that moved is never lost. It makes the payment
 *   `paid`, from any state but paid — or `refund_due` when the bill was already paid by
 *   another attempt, so a bill is never paid twice and the extra money is owed back.
 * - Every other answer counts only while the payment is unsettled; repeats and late
 *   arrivals after settlement are ignored.
 * - A payment M-Pesa has confirmed is never given up on: it waits for its receipt.
 * - `in_doubt` is unsettled: its bill stays blocked until a provider record settles it or
 *   the provider's prompt lifetime passes with no record at all.
 */
export function decide(current: PaymentSnapshot, event: PaymentEvent, billPaidByAnother: boolean): Decision {
  const { state } = current;
  switch (event.type) {
    case 'receipt':
      if (state === 'paid' || state === 'refund_due') {
        return { kind: 'ignore', why: current.providerReference === event.providerReference ? 'repeat' : 'conflict' };
      }
      return { kind: 'transition', to: billPaidByAnother ? 'refund_due' : 'paid', event };
    case 'prompted':
      if (state === 'created' || state === 'in_doubt') return { kind: 'transition', to: 'prompted', event };
      return { kind: 'ignore', why: state === 'prompted' ? 'repeat' : 'settled' };
    case 'doubted':
      if (state === 'in_doubt') return { kind: 'ignore', why: 'repeat' };
      if (!isUnsettled(state)) return { kind: 'ignore', why: 'settled' };
      return current.confirmed ? { kind: 'ignore', why: 'conflict' } : { kind: 'transition', to: 'in_doubt', event };
    case 'confirmed':
      if (!isUnsettled(state)) return { kind: 'ignore', why: 'settled' };
      return current.confirmed ? { kind: 'ignore', why: 'repeat' } : { kind: 'note-confirmed' };
    case 'declined':
    case 'abandoned':
      if (!isUnsettled(state)) return { kind: 'ignore', why: 'settled' };
      if (current.confirmed) return { kind: 'ignore', why: 'conflict' };
      return { kind: 'transition', to: event.as, event };
  }
}

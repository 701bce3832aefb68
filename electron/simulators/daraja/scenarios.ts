/**
 * What the simulated customer does, chosen by the payer's phone number (PartyA). Test and
 * demo numbers: failures read as the result code they produce (254700001032 → 1032).
 */
export interface Scenario {
  readonly name: string;
  /** The ResultCode the push ends with. */
  readonly resultCode: number;
  readonly resultDesc: string;
  /** `result`: the customer answers after `delays.resultMs`; `no-answer`: nobody does, until `delays.noAnswerMs`. */
  readonly settlesAfter: 'result' | 'no-answer';
  /** `slow`: the push's own HTTP answer is held for `delays.slowAnswerMs`. */
  readonly pushAnswer: 'prompt' | 'slow';
  /** How many times the callback is posted: 0 (lost), 1, or 2 (duplicated). */
  readonly callbacks: 0 | 1 | 2;
}

const success: Scenario = {
  name: 'success',
  resultCode: 0,
  resultDesc: 'The service request is processed successfully.',
  settlesAfter: 'result',
  pushAnswer: 'prompt',
  callbacks: 1,
};

const failure = (resultCode: number, resultDesc: string): Scenario => ({ ...success, name: `result-${resultCode}`, resultCode, resultDesc });

export const SCENARIOS_BY_PHONE: Readonly<Record<string, Scenario>> = {
  // Safaricom's sandbox test number; like any number not listed here, it pays.
  '254708374149': success,
  '254700000001': failure(1, 'The balance is insufficient for the transaction.'),
  '254700000017': failure(17, 'System internal error.'),
  '254700001001': failure(1001, 'Unable to lock subscriber, a transaction is already in process for the current subscriber'),
  '254700001019': failure(1019, 'Transaction has expired'),
  '254700001025': failure(1025, 'An error occurred while sending a push request'),
  '254700001032': failure(1032, 'Request cancelled by user'),
  '254700001037': failure(1037, 'DS timeout user cannot be reached'),
  '254700002001': failure(2001, 'The initiator information is invalid.'),
  '254700009999': failure(9999, 'An error occurred while sending a push request'),
  '254799000001': { ...success, name: 'slow-answer', pushAnswer: 'slow' },
  '254799000002': { ...failure(1037, 'No response from user.'), name: 'no-answer', settlesAfter: 'no-answer' },
  '254799000003': { ...success, name: 'duplicate-callback', callbacks: 2 },
  '254799000004': { ...success, name: 'lost-callback', callbacks: 0 },
};

export function scenarioFor(msisdn: string): Scenario {
  return SCENARIOS_BY_PHONE[msisdn] ?? success;
}

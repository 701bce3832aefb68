import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName, CallRequest, CallResponse } from '../../shared/contract';
import { seedDemoData } from '../../electron/demo/generate';
import { openDatabase } from '../../electron/core/db/open';
import { knowledgeAnswers } from '../support/recovery-answers';
import { lastCodeSentTo } from '../support/recovery-codes';
import { JANE_PASSPORT } from '../support/recovery-documents';
import { CLERK, SUPERVISOR, seedStaff } from '../support/staff-seed';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';

let kiosk: TempKiosk;

async function ok<K extends CallName>(name: K, request: CallRequest<K>): Promise<CallResponse<K>> {
  const result = await kiosk.core.invoke(name, request);
  if (!result.ok) throw new Error(`${name} refused: ${result.error.code}`);
  return result.value as CallResponse<K>;
}

/** Jane recovers her account with her passport through the recovery engineer's real calls, up to a pending request. */
async function janeAsksForRecovery(): Promise<void> {
  await ok('visit.start', { locale: 'en' });
  await ok('recovery.start', { idNumber: '12345678', path: 'document' });
  await ok('recovery.scanDocument', { mrz: `${JANE_PASSPORT.join('\r')}\r` });
  await ok('recovery.answer', { answers: knowledgeAnswers(kiosk.core, '12345678') });
  const sent = await ok('recovery.sendNewPhoneCode', { phone: '0798 765 432' });
  await ok('recovery.submit', { codeId: sent.codeId, code: lastCodeSentTo(kiosk.core, '+254798765432') });
}

beforeAll(async () => {
  kiosk = tempKiosk({
    prepare: (file) => {
      const db = openDatabase(file);
      seedDemoData(db, { citizens: 50, seed: 3, now: new Date('2026-11-22T06:00:00Z') });
      db.close();
    },
  });
  await seedStaff(kiosk.core);
});
afterAll(() => kiosk.dispose());

describe('recoveries in the day report', () => {
  it('counts recovery requests by outcome: pending, then approved by a clerk', async () => {
    await janeAsksForRecovery();
    await ok('staff.signIn', { staffId: SUPERVISOR.staffId, pin: SUPERVISOR.pin });
    expect((await ok('report.day', {})).recoveries).toEqual([{ outcome: 'pending', count: 1 }]);

    await ok('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    const [pending] = (await ok('recovery.pending', {})).requests;
    await ok('recovery.approve', { requestId: pending?.requestId ?? '' });
    await ok('staff.signIn', { staffId: SUPERVISOR.staffId, pin: SUPERVISOR.pin });
    expect((await ok('report.day', {})).recoveries).toEqual([{ outcome: 'approved', count: 1 }]);
  });
});

import type { Page } from '@playwright/test';
import { JANE_PASSPORT, GRACE_ID_CARD } from '../support/recovery-documents';
import { smsSimulatorOf } from '../../electron/core/sms/sms-simulator';
import { lastCodeEmailedTo, lastCodeSentTo } from '../support/recovery-codes';
import { knowledgeAnswers } from '../support/recovery-answers';
import { CLERK } from '../support/staff-seed';
import { expect, test, type KioskUnderTest } from './support/kiosk-fixture';
import { expectNothingOfTheVisitLeft } from './support/privacy';
import { checkScreen } from './support/screens';
import { scanDocument, tapKeyboard as tapKeys, tapKeypad as tapDigits } from './support/touch';

async function startVisit(page: Page, locale: 'en' | 'sw'): Promise<void> {
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId(`language-${locale}`).tap();
}

async function beginDocumentPath(page: Page, idNumber: string): Promise<void> {
  await page.getByTestId('service-recover').tap();
  await page.getByTestId('recover-lost-phone').tap();
  await tapDigits(page, idNumber);
  await page.getByTestId('recover-id-next').tap();
}

/**
 * The optional new email, typed on the on-screen keyboard: first without its ending (the
 * screen says it is not an address), then whole; then the code from the email.
 */
async function addNewEmail(page: Page, kiosk: KioskUnderTest, email: string, shots?: string): Promise<void> {
  const [unfinished] = email.split(/(?=\.[a-z]+$)/);
  await tapKeys(page, unfinished!);
  await page.getByTestId('recover-new-email-send').tap();
  await expect(page.locator('[data-error-code="email.invalid"]')).toBeVisible();
  // The error must not push the field, a button or the keyboard off a portrait screen.
  for (const part of ['recover-new-email', 'recover-new-email-send', 'recover-new-email-skip', 'text-keyboard']) await expect(page.getByTestId(part)).toBeInViewport({ ratio: 1 });
  if (shots) await checkScreen(page, `${shots}-new-email-invalid`);
  await tapKeys(page, email.slice(unfinished!.length));
  await expect(page.getByTestId('recover-new-email')).toHaveValue(email);
  if (shots) await checkScreen(page, `${shots}-new-email-typed`);
  await page.getByTestId('recover-new-email-send').tap();
  await expect(page.getByTestId('recover-code-skip-email')).toBeVisible();
  if (shots) await checkScreen(page, `${shots}-new-email-code`);
  await tapDigits(page, lastCodeEmailedTo(kiosk.core, email));
  await page.getByTestId('recover-code-confirm').tap();
  await expect(page.getByTestId('recover-email-added')).toBeVisible();
}

/** Knowledge check, new phone and optional new email, up to the pending request; returns its reference. */
async function finishDocumentPath(
  page: Page,
  kiosk: KioskUnderTest,
  idNumber: string,
  shots?: string,
  email?: string,
): Promise<string> {
  // Only what the document does not prove, in the configured order: never the birth date.
  const answers = knowledgeAnswers(kiosk.core, idNumber);
  await expect(page.getByTestId('recover-answer-birthDate')).toHaveCount(0);
  for (const [question, shot] of [['licenceYear', 'licence-year'], ['registeredPhone', 'registered-phone']] as const) {
    const answer = answers[question];
    if (!answer) continue;
    await expect(page.getByTestId(`recover-answer-${question}`)).toBeVisible();
    if (shots) await checkScreen(page, `${shots}-questions-${shot}`);
    await tapDigits(page, answer);
    await page.getByTestId('recover-answer-next').tap();
  }
  await expect(page.getByTestId('recover-new-phone')).toBeVisible();
  await tapDigits(page, '0798765432');
  if (shots) await checkScreen(page, `${shots}-new-phone`);
  await page.getByTestId('recover-new-phone-send').tap();
  await expect(page.getByTestId('recover-code')).toBeVisible();
  if (shots) await checkScreen(page, `${shots}-new-phone-code`);
  await tapDigits(page, lastCodeSentTo(kiosk.core, '+254798765432'));
  await page.getByTestId('recover-code-confirm').tap();
  await expect(page.getByTestId('recover-new-email-skip')).toBeVisible();
  if (shots) await checkScreen(page, `${shots}-new-email-offer`);
  if (email) await addNewEmail(page, kiosk, email, shots);
  else await page.getByTestId('recover-new-email-skip').tap();
  const reference = page.getByTestId('recover-reference');
  await expect(reference).toHaveText(/^RC-[2-9A-Z]{6}$/);
  if (shots) await checkScreen(page, `${shots}-pending`);
  const text = (await reference.textContent()) ?? '';
  await page.getByTestId('recover-finish').tap();
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
  return text;
}

/** The clerk's hidden door: a long press on the kiosk's name, then staff number and PIN. */
async function clerkSignsIn(page: Page, shots?: string): Promise<void> {
  await startVisit(page, 'en');
  const logo = page.getByTestId('kiosk-logo');
  await logo.dispatchEvent('pointerdown');
  await page.clock.runFor(1_600);
  await logo.dispatchEvent('pointerup');
  await expect(page.getByRole('dialog', { name: 'Staff sign-in' })).toBeVisible();
  await tapDigits(page, CLERK.staffId);
  await page.getByTestId('staff-next').tap();
  await tapDigits(page, CLERK.pin);
  await page.getByTestId('staff-submit').tap();
  await expect(page.getByTestId('attended-banner')).toBeVisible();
  await page.getByTestId('attended-approvals').tap();
  await expect(page.getByRole('heading', { name: 'Recovery requests' })).toBeVisible();
  if (shots) await checkScreen(page, `${shots}-clerk-pending`);
}

const outboxOf = (kiosk: KioskUnderTest, type: string) =>
  (kiosk.core.context.db.prepare('SELECT payload FROM outbox WHERE type = ?').all(type) as { payload: string }[]).map((row) => JSON.parse(row.payload) as Record<string, unknown>);


test.use({
  kioskStaff: [[CLERK], { scope: 'test' }],
  // Idle is tested elsewhere; here a slow screenshot-and-axe pass on a busy machine must not end the visit.
  kioskSettings: { idle: { timeoutSeconds: 600, warningSeconds: 60 } },
});

test('forgot the password, still has the phone: a code to it, then a reset request', async ({ kioskPage: page, kiosk }) => {
  await startVisit(page, 'en');
  await page.getByTestId('service-recover').tap();
  await expect(page.getByRole('heading', { name: 'Recover my account' })).toBeVisible();
  await checkScreen(page, 'recover-01-choose');

  await page.getByTestId('recover-has-phone').tap();
  await tapDigits(page, '23456789'); // Peter Otieno Ochieng
  await expect(page.getByTestId('recover-id-number')).toHaveText('23456789');
  await checkScreen(page, 'recover-02-id-number');
  await page.getByTestId('recover-id-next').tap();

  await expect(page.getByText('We sent a code by SMS to 07•• ••• 111')).toBeVisible();
  await checkScreen(page, 'recover-03-reset-code');
  await tapDigits(page, '000000'.slice(0, lastCodeSentTo(kiosk.core, '+254722000111').length));
  await page.getByTestId('recover-code-confirm').tap();
  await expect(page.getByRole('alert')).toContainText('code');
  await checkScreen(page, 'recover-04-reset-code-wrong');
  await tapDigits(page, lastCodeSentTo(kiosk.core, '+254722000111'));
  await page.getByTestId('recover-code-confirm').tap();

  await expect(page.getByRole('heading', { name: 'Password reset requested' })).toBeVisible();
  const reference = await page.getByTestId('recover-reference').textContent();
  await checkScreen(page, 'recover-05-reset-requested');
  expect(outboxOf(kiosk, 'account.password-reset.requested')).toEqual([
    expect.objectContaining({ reference, idNumber: '23456789', sendTo: { phone: '+254722000111' } }),
  ]);
  await page.getByTestId('recover-finish').tap();
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
  await expectNothingOfTheVisitLeft(page, kiosk.logFile, { idNumber: '23456789', phone: '+254722000111', other: [reference ?? ''] });
});

test('lost the phone: passport scan, knowledge check, new phone and email, pending; a clerk approves (Kiswahili)', async ({ kioskPage: page, kiosk }) => {
  // The suite's longest walk: every screen of path 2 and the clerk's, each checked in every display mode.
  test.slow();
  await startVisit(page, 'sw');
  await beginDocumentPath(page, '12345678'); // Jane Wanjiku Kamau
  await expect(page.getByRole('heading', { name: 'Pitisha hati yako kwenye skana' })).toBeVisible();
  await checkScreen(page, 'recover-10-scan-sw');
  await scanDocument(page, JANE_PASSPORT);
  await expect(page.getByRole('heading', { name: 'Swali ambalo wewe pekee unaweza kujibu' })).toBeVisible();
  await expect(page.getByTestId('recover-mrz')).toHaveCount(0);
  const reference = await finishDocumentPath(page, kiosk, '12345678', 'recover-11-sw', 'jane.kamau@example.com');
  expect(outboxOf(kiosk, 'account.recovery.approved')).toEqual([]);

  await clerkSignsIn(page, 'recover-12');
  const request = page.getByTestId(`clerk-request-${reference}`);
  await expect(request).toContainText('Jane Wanjiku Kamau');
  await expect(request).toContainText('AK1234567');
  await expect(request.getByTestId('clerk-new-email')).toHaveText('j•••@example.com');
  // Approving is never one tap: a confirmation first, saying what happens; going back changes nothing.
  await request.getByTestId('clerk-approve').tap();
  const confirm = page.getByRole('alertdialog', { name: 'Approve the new phone for Jane Wanjiku Kamau?' });
  await expect(confirm).toBeVisible();
  await expect(page.getByTestId('clerk-approve-consequence')).toContainText('The account’s phone becomes 07•• ••• 432. The old phone stops receiving codes');
  await expect(page.getByTestId('clerk-approve-consequence')).toContainText('email becomes j•••@example.com');
  await checkScreen(page, 'recover-13-clerk-approve-confirm');
  await page.getByTestId('clerk-approve-cancel').tap();
  await expect(confirm).toBeHidden();
  expect(outboxOf(kiosk, 'account.recovery.approved')).toEqual([]);
  await page.getByTestId('switch-language').tap();
  await request.getByTestId('clerk-approve').tap();
  await expect(page.getByRole('alertdialog', { name: 'Idhinisha simu mpya ya Jane Wanjiku Kamau?' })).toContainText('Hili haliwezi kutenduliwa kwenye kioski.');
  await page.getByTestId('clerk-approve-cancel').tap();
  await page.getByTestId('switch-language').tap();
  await request.getByTestId('clerk-approve').tap();
  await page.getByTestId('clerk-approve-confirm').tap();
  await expect(page.getByTestId('clerk-outcome')).toContainText(`Approved: ${reference}`);
  await expect(page.getByTestId('clerk-no-requests')).toBeVisible();
  await checkScreen(page, 'recover-13-clerk-approved');

  const events = outboxOf(kiosk, 'account.recovery.approved');
  expect(events).toEqual([
    expect.objectContaining({ reference, idNumber: '12345678', newContact: { phone: '+254798765432', email: 'jane.kamau@example.com' }, approvedBy: expect.objectContaining({ staffId: CLERK.staffId }) }),
  ]);
  const audit = kiosk.core.context.db.prepare("SELECT actor, outcome FROM audit_log WHERE action = 'recovery.decision'").all();
  expect(audit).toEqual([{ actor: `staff:${CLERK.staffId}`, outcome: 'approved' }]);
});

test('a clerk rejects a request made with an ID card: nothing changes', async ({ kioskPage: page, kiosk }) => {
  await startVisit(page, 'en');
  await beginDocumentPath(page, '27654321'); // Grace Chebet Koech
  await scanDocument(page, GRACE_ID_CARD);
  const reference = await finishDocumentPath(page, kiosk, '27654321');

  await clerkSignsIn(page);
  const request = page.getByTestId(`clerk-request-${reference}`);
  await expect(request).toContainText('Grace Chebet Koech');
  await request.getByTestId('clerk-reject').tap();
  await expect(page.getByRole('dialog')).toContainText(`Why are you rejecting request ${reference}?`);
  await checkScreen(page, 'recover-20-clerk-reject-reason');
  await page.getByTestId('clerk-reason-photo-differs').tap();
  await expect(page.getByTestId('clerk-outcome')).toContainText(`Rejected: ${reference}`);
  await checkScreen(page, 'recover-21-clerk-rejected');
  expect(outboxOf(kiosk, 'account.recovery.approved')).toEqual([]);
  expect(kiosk.core.context.db.prepare('SELECT status, decision_reason, new_phone FROM recovery_requests').all()).toEqual([
    { status: 'rejected', decision_reason: 'photo-differs', new_phone: null },
  ]);
});

test('four eyes: the clerk signed in while a request was made is told so, and is not offered approval', async ({ kioskPage: page, kiosk }) => {
  // Made in attended mode, with the clerk signed in throughout (the screens of making it are the test above).
  const core = async (name: string, request: unknown) => {
    const result = await kiosk.core.invoke(name, request);
    if (!result.ok) throw new Error(`${name} refused: ${result.error.code}`);
    return result.value as Record<string, string>;
  };
  await core('visit.start', { locale: 'en' });
  await core('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
  await core('recovery.start', { idNumber: '12345678', path: 'document' });
  await core('recovery.scanDocument', { mrz: JANE_PASSPORT.join('\n') });
  await core('recovery.answer', { answers: knowledgeAnswers(kiosk.core, '12345678') });
  const sent = await core('recovery.sendNewPhoneCode', { phone: '0798765432' });
  const { reference } = await core('recovery.submit', { codeId: sent['codeId'], code: lastCodeSentTo(kiosk.core, '+254798765432') });
  await core('staff.signOut', {});
  await core('visit.end', { reason: 'done' });

  await clerkSignsIn(page);
  const request = page.getByTestId(`clerk-request-${reference}`);
  await expect(request.getByTestId('clerk-own-request')).toHaveText('You started this request: another staff member must approve it.');
  await expect(request.getByTestId('clerk-approve')).toHaveCount(0);
  await expect(request.getByTestId('clerk-reject')).toBeVisible();
  await checkScreen(page, 'recover-14-clerk-own-request');
  await page.getByTestId('switch-language').tap();
  await expect(request.getByTestId('clerk-own-request')).toHaveText('Ulianzisha ombi hili: mfanyakazi mwingine lazima aliidhinishe.');
  expect(outboxOf(kiosk, 'account.recovery.approved')).toEqual([]);
});

test('someone else’s document three times: told what differs, then sent to the counter, in later visits too', async ({ kioskPage: page }) => {
  await startVisit(page, 'en');
  await beginDocumentPath(page, '29876543'); // Mohamed Abdi Hassan, with Jane's passport
  for (const left of [2, 1]) {
    await scanDocument(page, JANE_PASSPORT);
    await expect(page.getByTestId('recover-attempts-left')).toHaveText(left === 1 ? '1 check left today' : `${left} checks left today`);
  }
  const mismatch = page.getByTestId('recover-mismatch');
  await expect(mismatch.locator('li')).toHaveText(['The document number is different.', 'The names are different.', 'The date of birth is different.']);
  await expect(mismatch).not.toContainText('BK7654321');
  await expect(page.getByTestId('recover-mrz')).toHaveValue('');
  await checkScreen(page, 'recover-30-mismatch');

  await scanDocument(page, JANE_PASSPORT);
  await expect(page.getByRole('heading', { name: 'Please go to the counter' })).toBeVisible();
  await checkScreen(page, 'recover-31-counter');
  await page.getByTestId('recover-finish').tap();

  // A new visit: the ID number stays locked out for the rest of the day.
  await startVisit(page, 'sw');
  await beginDocumentPath(page, '29876543');
  await expect(page.getByRole('heading', { name: 'Tafadhali nenda kaunta' })).toBeVisible();
  await checkScreen(page, 'recover-32-counter-sw');
});

test('a clerk types an ID card’s MRZ on the on-screen keys, fillers and all', async ({ kioskPage: page }) => {
  await startVisit(page, 'en');
  await beginDocumentPath(page, '27654321'); // Grace Chebet Koech
  const newLine = page.getByTestId('text-keyboard').locator('[data-skbtn="{enter}"]');
  for (const line of GRACE_ID_CARD.slice(0, 2)) {
    await tapKeys(page, line);
    await newLine.tap();
  }
  await tapKeys(page, GRACE_ID_CARD[2]);
  await expect(page.getByTestId('recover-mrz')).toHaveValue(GRACE_ID_CARD.join('\n'));
  await checkScreen(page, 'recover-40-mrz-typed');
  // After a whole MRZ the new-line key checks the document, like a scanner's last Enter.
  await newLine.tap();
  await expect(page.getByRole('heading', { name: 'A question only you can answer' })).toBeVisible();
});

test('a passport holder who lost the phone scans the passport alone, no number typed: a misread is named and kept, then on to the request (Kiswahili)', async ({ kioskPage: page, kiosk }) => {
  await startVisit(page, 'sw');
  await page.getByTestId('service-recover').tap();
  await expect(page.getByTestId('recover-scan-passport')).toContainText('Nimepoteza simu na nina pasipoti yangu: niipitishe kwenye skana');
  await checkScreen(page, 'recover-50-choose-sw');
  await page.getByTestId('recover-scan-passport').tap();
  await expect(page.getByRole('heading', { name: 'Pitisha pasipoti yako kwenye skana' })).toBeVisible();
  await expect(page.getByTestId('recover-id-number')).toHaveCount(0);
  await checkScreen(page, 'recover-51-scan-passport-sw');

  // One misread character on line 2: said in both languages, the lines stay, nothing was looked up.
  const misread = [JANE_PASSPORT[0], JANE_PASSPORT[1].replace('AK1234567', 'AK1234561')];
  await scanDocument(page, misread);
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('Mstari wa 2 wa hati haukusomwa vizuri');
  await expect(refusal).toContainText('Line 2 of the document did not read correctly');
  await expect(page.getByTestId('recover-mrz')).toHaveValue(misread.join('\n'));
  await expect(page.getByTestId('recover-attempts-left')).toHaveCount(0);
  await checkScreen(page, 'recover-52-scan-passport-misread-sw');
  expect(kiosk.core.context.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'recovery.%' OR action LIKE 'lookup.%'").get()).toEqual({ n: 0 });

  // The lines are selected after a refusal: the next scan replaces them.
  await scanDocument(page, JANE_PASSPORT);
  await expect(page.getByRole('heading', { name: 'Swali ambalo wewe pekee unaweza kujibu' })).toBeVisible();
  await expect(page.getByTestId('recover-mrz')).toHaveCount(0);
  const reference = await finishDocumentPath(page, kiosk, '12345678');
  expect(kiosk.core.context.db.prepare('SELECT reference, citizen_id, document_format, status FROM recovery_requests').all()).toEqual([
    { reference, citizen_id: 1, document_format: 'TD3', status: 'pending' },
  ]);
  const started = kiosk.core.context.db.prepare("SELECT outcome, details FROM audit_log WHERE action = 'recovery.start'").all();
  expect(started).toEqual([{ outcome: 'document', details: JSON.stringify({ path: 'document', by: 'passport-mrz' }) }]);
});

test('the recovery code typed wrong to its last try: no keypad, "Send a new code" is the main action, and the new code works', async ({ kioskPage: page, kiosk }) => {
  await startVisit(page, 'en');
  await page.getByTestId('service-recover').tap();
  await page.getByTestId('recover-has-phone').tap();
  await tapDigits(page, '23456789'); // Peter Otieno Ochieng
  await page.getByTestId('recover-id-next').tap();
  await expect(page.getByTestId('recover-code-sent')).toHaveText('We sent a code by SMS to 07•• ••• 111. Type it below.');
  // While the code lives, a new one is on offer but not the main action.
  await expect(page.getByTestId('recover-code-resend')).toHaveClass(/button--secondary/);
  const sms = smsSimulatorOf(kiosk.core.context.sms);
  const deadCodeSms = sms.lastTo('+254722000111');
  const wrong = lastCodeSentTo(kiosk.core, '+254722000111') === '000000' ? '111111' : '000000';
  for (const said of ['2 more tries', '1 more try']) {
    await tapDigits(page, wrong);
    await page.getByTestId('recover-code-confirm').tap();
    await expect(page.getByRole('alert')).toContainText(said);
  }
  await tapDigits(page, wrong);
  await page.getByTestId('recover-code-confirm').tap();
  await expect(page.getByRole('alert')).toContainText('no longer works');
  await expect(page.getByTestId('numeric-keypad')).toHaveCount(0);
  await expect(page.getByTestId('recover-code-confirm')).toHaveCount(0);
  await expect(page.getByTestId('recover-code-sent')).toHaveCount(0);
  await expect(page.getByTestId('recover-code-dead')).toHaveText('Ask for a new code to continue.');
  const resend = page.getByTestId('recover-code-resend');
  await expect(resend).toHaveText('Send a new code');
  await expect(resend).toHaveAttribute('data-primary', '');
  await expect(resend).not.toHaveClass(/button--secondary/);
  await expect(resend).toBeInViewport({ ratio: 1 });
  await checkScreen(page, 'recover-60-code-dead');

  await resend.tap();
  await expect.poll(() => sms.lastTo('+254722000111') !== deadCodeSms).toBe(true);
  await expect(page.getByTestId('numeric-keypad')).toBeVisible();
  await expect(page.getByTestId('recover-code-sent')).toBeVisible();
  await expect(resend).toHaveClass(/button--secondary/);
  await checkScreen(page, 'recover-61-code-resent');
  await tapDigits(page, lastCodeSentTo(kiosk.core, '+254722000111'));
  await page.getByTestId('recover-code-confirm').tap();
  await expect(page.getByRole('heading', { name: 'Password reset requested' })).toBeVisible();
  expect(outboxOf(kiosk, 'account.password-reset.requested')).toEqual([expect.objectContaining({ idNumber: '23456789' })]);
});

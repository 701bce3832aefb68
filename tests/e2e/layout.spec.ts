import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { smsSimulatorOf } from '../../electron/core/sms/sms-simulator';
import { startDarajaSimulator } from '../../electron/simulators/daraja/daraja-simulator';
import { ANNA_PASSPORT, JANE_PASSPORT } from '../support/recovery-documents';
import { knowledgeAnswers } from '../support/recovery-answers';
import { lastCodeSentTo } from '../support/recovery-codes';
import { CLERK, SUPERVISOR } from '../support/staff-seed';
import { expect, test } from './support/kiosk-fixture';
import { setDisplayModes } from './support/accessibility-modes';

/**
 * Fit the screen: on every screen, on a portrait (1080×1920) and a landscape (1920×1080)
 * kiosk, in normal and large text, the screen's main action (marked `data-primary`) and
 * the bottom navigation are on screen without scrolling, the page itself never scrolls
 * (long content scrolls inside the main area), and no two cards, tiles, headings or
 * controls overlap or spill out of their box, nor is any control under the 64 px touch
 * target. A refusal (role "alert") is seen without scrolling too. While a dialog is open,
 * only the dialog counts: the screen behind it is inert. Large text fits without giving up
 * its size: every text on screen is clearly larger than in normal text. A screenshot of each
 * screen each way, to look at.
 */

const SIZES = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
} as const;
const TEXT_SIZES = ['normal', 'large'] as const;
const screenshotDir = path.resolve(import.meta.dirname, 'screenshots');

/** Everything wrong with the fit of what is on screen now, measured in one pass in the page. */
function misfits(page: Page, withNav: boolean): Promise<string[]> {
  return page.evaluate((withNav) => {
    const problems: string[] = [];
    const visible = (el: Element) => el instanceof HTMLElement && el.checkVisibility() && el.getBoundingClientRect().width > 0;
    const name = (el: Element) => {
      const testid = el.getAttribute('data-testid');
      const text = (el as HTMLElement).innerText?.trim().replace(/\s+/g, ' ').slice(0, 30);
      return `${el.tagName.toLowerCase()}${testid ? `[${testid}]` : ''} "${text}"`;
    };
    /**
     * Fully on screen and not hidden: the middle of each edge (just inside; corners are
     * rounded, so hit-testing there finds the parent) and the centre are the element itself,
     * not something clipping or covering it.
     */
    const onScreen = (el: Element) => {
      const box = el.getBoundingClientRect();
      if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) return false;
      const inset = 4;
      const midX = (box.left + box.right) / 2;
      const midY = (box.top + box.bottom) / 2;
      const points = [
        [midX, box.top + inset],
        [midX, box.bottom - inset],
        [box.left + inset, midY],
        [box.right - inset, midY],
        [midX, midY],
      ] as const;
      return points.every(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return hit !== null && (hit === el || el.contains(hit));
      });
    };

    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollHeight > innerHeight + 1) problems.push(`the page scrolls: ${root.scrollHeight} px tall in a ${innerHeight} px screen`);
    if (root.scrollWidth > innerWidth + 1) problems.push(`the page scrolls sideways: ${root.scrollWidth} px wide in a ${innerWidth} px screen`);

    /** A modal dialog holds every touch: what is behind it is neither reached nor checked. */
    const scope: ParentNode = document.querySelector('dialog[open]') ?? document;
    const primaries = [...scope.querySelectorAll('[data-primary]')].filter(visible);
    if (primaries.length === 0) problems.push('no main action (data-primary) on screen');
    for (const el of primaries) if (!onScreen(el)) problems.push(`main action not fully on screen: ${name(el)} at ${Math.round(el.getBoundingClientRect().top)}–${Math.round(el.getBoundingClientRect().bottom)} px`);

    /**
     * A refusal is seen without scrolling: whole in portrait. Beside a landscape screen's keyboard
     * a long bilingual refusal cannot always show whole; its start must (the main area scrolls to the rest).
     */
    const portrait = innerHeight > innerWidth;
    const startsOnScreen = (el: Element) => {
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint((box.left + box.right) / 2, Math.min(box.bottom - 4, box.top + 80));
      return box.top >= 0 && hit !== null && (hit === el || el.contains(hit));
    };
    for (const refusal of scope.querySelectorAll('[role="alert"]')) {
      if (!visible(refusal)) continue;
      if (portrait && !onScreen(refusal)) problems.push(`refusal not fully on screen: ${name(refusal)}`);
      if (!portrait && !startsOnScreen(refusal)) problems.push(`refusal does not start on screen: ${name(refusal)}`);
    }

    if (withNav) {
      const nav = document.querySelector('[data-testid="bottom-nav"]');
      if (!nav || !visible(nav)) problems.push('no bottom navigation');
      else for (const button of nav.querySelectorAll('button')) if (!onScreen(button)) problems.push(`bottom navigation off screen: ${name(button)}`);
    }

    // Fitting never squeezes a control under the 64 px touch target.
    for (const control of scope.querySelectorAll('button, a[href], input, select, textarea, [role="button"]')) {
      const box = control.getBoundingClientRect();
      if (visible(control) && (box.width < 64 || box.height < 64)) problems.push(`touch target under 64 px: ${name(control)} (${Math.round(box.width)}×${Math.round(box.height)})`);
    }

    const boxes = [
      ...scope.querySelectorAll('.choice-tile, .lookup-card, .day-card, .bill-summary, .receipt, button, a.button, h1, h2, input, output, textarea, table'),
    ].filter(visible);
    for (const el of boxes) {
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible') problems.push(`content spills out sideways: ${name(el)}`);
    }
    /** Bars pinned to the bottom of the main area (position: sticky): content scrolls under them. */
    const pinned = [...document.querySelectorAll('.kiosk__main *')].filter((el) => visible(el) && getComputedStyle(el).position === 'sticky');
    /** The part of an element not clipped away by a scrolling ancestor (the main area), nor under a pinned bar. */
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      let { top, left, bottom, right } = box;
      for (const bar of pinned) if (!bar.contains(el) && !el.contains(bar)) bottom = Math.min(bottom, bar.getBoundingClientRect().top);
      for (let up = el.parentElement; up; up = up.parentElement) {
        if (getComputedStyle(up).overflowY === 'visible') continue;
        const clip = up.getBoundingClientRect();
        top = Math.max(top, clip.top);
        left = Math.max(left, clip.left);
        bottom = Math.min(bottom, clip.bottom);
        right = Math.min(right, clip.right);
      }
      return { top, left, bottom, right };
    };
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.contains(b) || b.contains(a)) continue;
        const p = shown(a);
        const q = shown(b);
        const overlapX = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const overlapY = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (overlapX > 1 && overlapY > 1) problems.push(`${name(a)} overlaps ${name(b)}`);
      }
    }
    return problems;
  }, withNav);
}

/** Large text is this much larger than normal text, at the least, wherever it fits the screen. */
const LARGE_TEXT_AT_LEAST = 1.15;

/** The font size of every visible element that holds text of its own, in document order. */
function textSizes(page: Page): Promise<{ text: string; size: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el): el is HTMLElement => el instanceof HTMLElement && el.checkVisibility())
      .filter((el) => [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim()))
      .map((el) => ({ text: el.innerText.trim().replace(/\s+/g, ' ').slice(0, 30), size: parseFloat(getComputedStyle(el).fontSize) })),
  );
}

/** Each text that large text did not make clearly larger (the same screen, measured both ways). */
function notLarger(normal: { text: string; size: number }[], large: { text: string; size: number }[]): string[] {
  if (normal.map((t) => t.text).join('|') !== large.map((t) => t.text).join('|')) return ['the screen changed between normal and large text'];
  return large.flatMap((text, i) => {
    const normalSize = normal[i]!.size;
    return text.size < normalSize * LARGE_TEXT_AT_LEAST ? [`"${text.text}" is ${text.size} px in large text, ${normalSize} px in normal`] : [];
  });
}

/**
 * The screen as it is, in each size and text size (no navigation: the window is resized and
 * large text is a class on <html>), then put back as portrait in normal text. Soft: one walk
 * reports every screen that does not fit.
 */
async function checkFit(page: Page, screen: string, options: { nav?: boolean } = {}): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const before = await page.evaluate(() => document.documentElement.className);
  for (const [orientation, size] of Object.entries(SIZES)) {
    await page.setViewportSize(size);
    const sizes: Partial<Record<(typeof TEXT_SIZES)[number], { text: string; size: number }[]>> = {};
    for (const text of TEXT_SIZES) {
      await setDisplayModes(page, text === 'large' ? ['large-text'] : []);
      await page.screenshot({ path: path.join(screenshotDir, `layout-${screen}-${orientation}-${text}.png`) });
      expect.soft(await misfits(page, options.nav ?? true), `${screen}, ${orientation}, ${text} text`).toEqual([]);
      sizes[text] = await textSizes(page);
    }
    expect.soft(notLarger(sizes.normal ?? [], sizes.large ?? []), `${screen}, ${orientation}: large text larger`).toEqual([]);
  }
  await page.setViewportSize(SIZES.portrait);
  await page.evaluate((className) => {
    document.documentElement.className = className;
  }, before);
}

async function tapDigits(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.getByTestId(`keypad-${digit}`).tap();
}

async function tapKeys(page: Page, keys: string): Promise<void> {
  for (const key of keys) await page.getByTestId('text-keyboard').locator(`[data-skbtn="${key}"]`).tap();
}

async function startVisit(page: Page, locale: 'en' | 'sw' = 'en'): Promise<void> {
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId(`language-${locale}`).tap();
  await expect(page.getByTestId('nav-start-over')).toBeVisible();
}

async function startOver(page: Page): Promise<void> {
  await page.getByTestId('nav-start-over').tap();
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
}

// M-Pesa and card offered; nothing is paid, so no Daraja needs to answer.
test.use({ kioskSettings: { mpesa: { baseUrl: 'http://127.0.0.1:9' }, card: { simulator: true } } });

test('citizen screens fit portrait and landscape, in normal and large text', async ({ kioskPage: page, kiosk }) => {
  await checkFit(page, 'attract', { nav: false });
  await page.getByTestId('touch-to-start').tap();
  await expect(page.getByTestId('language-en')).toBeVisible();
  await checkFit(page, 'language');
  await page.getByTestId('language-en').tap();
  await expect(page.getByTestId('service-find')).toBeVisible();
  await checkFit(page, 'home');

  // Find my account, with Jane's ID number and the code the SMS simulator received.
  await page.getByTestId('service-find').tap();
  await checkFit(page, 'lookup-choose');
  await page.getByTestId('lookup-by-idNumber').tap();
  await tapDigits(page, '12345678');
  await checkFit(page, 'lookup-enter');
  await page.getByTestId('lookup-search').tap();
  await expect(page.getByTestId('lookup-masked-name')).toBeVisible();
  await checkFit(page, 'lookup-result');
  await page.getByTestId('lookup-send-code').tap();
  await expect(page.getByTestId('lookup-code-sent')).toBeVisible();
  await checkFit(page, 'lookup-code');
  const sms = smsSimulatorOf(kiosk.core.context.sms).lastTo('+254712345457')?.text ?? '';
  await tapDigits(page, /(\d{6})/.exec(sms)?.[1] ?? '');
  await page.getByTestId('lookup-code-confirm').tap();
  await expect(page.getByTestId('lookup-fines-total')).toBeVisible();
  await checkFit(page, 'lookup-details');

  // Paying one of her fines.
  await page.getByTestId('lookup-pay-NTSA-F-10000001').tap();
  await expect(page.getByTestId('pay-method-mpesa')).toBeVisible();
  await checkFit(page, 'pay-bill');
  await page.getByTestId('pay-method-mpesa').tap();
  await tapDigits(page, '0708374149');
  await checkFit(page, 'pay-mpesa-phone');
  await startOver(page);

  // Kiswahili's longer words: home, the payment choices and a bill reference on the keyboard.
  await startVisit(page, 'sw');
  await checkFit(page, 'home-sw');
  await page.getByTestId('service-pay').tap();
  await checkFit(page, 'pay-choose-sw');
  await page.getByTestId('pay-choose-reference').tap();
  await tapKeys(page, 'NTSAF10000001');
  await checkFit(page, 'pay-reference-sw');
  await startOver(page);

  // Recovery with the phone: the ID number, then the code.
  await startVisit(page);
  await page.getByTestId('service-recover').tap();
  await checkFit(page, 'recover-choose');
  await page.getByTestId('recover-has-phone').tap();
  await tapDigits(page, '23456789');
  await checkFit(page, 'recover-id');
  await page.getByTestId('recover-id-next').tap();
  await expect(page.getByTestId('recover-code-confirm')).toBeVisible();
  await tapDigits(page, '12');
  await checkFit(page, 'recover-code');
  // Typed wrong to its last try: no keypad, and "Send a new code" is the main action.
  const sentCode = /(\d{6})/.exec(smsSimulatorOf(kiosk.core.context.sms).lastTo('+254722000111')?.text ?? '')?.[1];
  const wrongCode = sentCode === '120000' ? '121111' : '120000';
  await tapDigits(page, wrongCode.slice(2));
  await page.getByTestId('recover-code-confirm').tap();
  for (let tries = 0; tries < 2; tries++) {
    await tapDigits(page, wrongCode);
    await page.getByTestId('recover-code-confirm').tap();
  }
  await expect(page.getByTestId('recover-code-dead')).toBeVisible();
  await checkFit(page, 'recover-code-dead');
  await startOver(page);

  // Recovery by the passport alone: the scan screen with no number typed first.
  await startVisit(page);
  await page.getByTestId('service-recover').tap();
  await page.getByTestId('recover-scan-passport').tap();
  await expect(page.getByTestId('recover-mrz')).toBeFocused();
  await page.keyboard.type(`${ANNA_PASSPORT[0]}\n${ANNA_PASSPORT[1].slice(0, 20)}`, { delay: 1 });
  await checkFit(page, 'recover-scan-passport');
  // A misread line 2: the refusal says so under the form, the lines stay to be corrected.
  const lastCheckDigit = ANNA_PASSPORT[1].slice(-1);
  await page.keyboard.type(`${ANNA_PASSPORT[1].slice(20, -1)}${lastCheckDigit === '0' ? '1' : '0'}\n`, { delay: 1 });
  await expect(page.getByRole('alert')).toContainText('Line 2');
  await checkFit(page, 'recover-scan-refused');
  await startOver(page);

  // Recovery without it: Anna's passport, the knowledge check, the new phone.
  await startVisit(page);
  await page.getByTestId('service-recover').tap();
  await page.getByTestId('recover-lost-phone').tap();
  await tapDigits(page, '34567890');
  await page.getByTestId('recover-id-next').tap();
  await expect(page.getByTestId('recover-mrz')).toBeFocused();
  await page.keyboard.type(`${ANNA_PASSPORT[0]}\n${ANNA_PASSPORT[1].slice(0, 20)}`, { delay: 1 });
  await checkFit(page, 'recover-scan');
  await page.keyboard.type(`${ANNA_PASSPORT[1].slice(20)}\n`, { delay: 1 });
  const answers = knowledgeAnswers(kiosk.core, '34567890');
  let first = true;
  for (const question of ['licenceYear', 'registeredPhone'] as const) {
    const answer = answers[question];
    if (!answer) continue;
    await expect(page.getByTestId(`recover-answer-${question}`)).toBeVisible();
    if (first) await checkFit(page, 'recover-questions');
    first = false;
    await tapDigits(page, answer);
    await page.getByTestId('recover-answer-next').tap();
  }
  await expect(page.getByTestId('recover-new-phone')).toBeVisible();
  await tapDigits(page, '0798765432');
  await checkFit(page, 'recover-new-phone');
});

test.describe('in attended mode', () => {
  // Wrapped: Playwright reads a bare array here as [value, options].
  test.use({ kioskStaff: [[SUPERVISOR], { scope: 'test' }] });

  test('with the attended banner: home, a lookup, a bill with cash, M-Pesa and the supervisor day screen fit', async ({ kioskPage: page }) => {
    await startVisit(page);
    // The hidden gesture: a long press on the kiosk's name, then staff number and PIN.
    const logo = page.getByTestId('kiosk-logo');
    await logo.dispatchEvent('pointerdown');
    await page.clock.runFor(1_600);
    await logo.dispatchEvent('pointerup');
    await tapDigits(page, SUPERVISOR.staffId);
    await page.getByTestId('staff-next').tap();
    await tapDigits(page, SUPERVISOR.pin);
    await page.getByTestId('staff-submit').tap();
    await expect(page.getByTestId('attended-banner')).toBeVisible();
    await checkFit(page, 'attended-home');

    await page.getByTestId('attended-day').tap();
    await expect(page.getByTestId('day-lookups')).toBeVisible();
    await checkFit(page, 'attended-day');

    await page.getByTestId('nav-back').tap();
    await page.getByTestId('service-find').tap();
    await page.getByTestId('lookup-by-idNumber').tap();
    await tapDigits(page, '12345678');
    await checkFit(page, 'attended-lookup-enter');
    await page.getByTestId('nav-back').tap();
    await page.getByTestId('nav-back').tap();

    await page.getByTestId('service-pay').tap();
    await page.getByTestId('pay-choose-reference').tap();
    await tapKeys(page, 'NTSAF10000001');
    await page.getByTestId('pay-reference-next').tap();
    await expect(page.getByTestId('pay-method-cash')).toBeVisible();
    await checkFit(page, 'attended-pay-bill');
    await page.getByTestId('pay-method-mpesa').tap();
    await tapDigits(page, '0708374149');
    await checkFit(page, 'attended-pay-mpesa-phone');
  });
});

test.describe('the staff screens', () => {
  test.use({
    kioskStaff: [[CLERK], { scope: 'test' }],
    // A prompt nobody answers and the kiosk does not ask about for half a minute: it stays waiting.
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it needs none.
    kioskSettings: async ({}, use) => {
      const daraja = await startDarajaSimulator({ delays: { noAnswerMs: 600_000 } });
      await use({
        mpesa: { baseUrl: daraja.url, callbackUrl: 'http://127.0.0.1:9/nowhere' },
        payments: { firstQueryMs: 30_000, resultLimitSeconds: 600 },
        card: { simulator: true },
        lookup: { lookupsPerVisit: 1 },
        // A slow walk on a busy machine must not end the visit or attended mode.
        idle: { timeoutSeconds: 600, warningSeconds: 60 },
        staff: { idleTimeoutSeconds: 1800 },
      });
      await daraja.close();
    },
  });

  test('with the attended banner: sign-in, My shift, Approvals and Overrides fit in their main states', async ({ kioskPage: page, kiosk }) => {
    const core = async (name: string, request: unknown) => {
      const result = await kiosk.core.invoke(name, request);
      if (!result.ok) throw new Error(`${name} refused: ${result.error.code}`);
      return result.value as Record<string, string>;
    };
    // A recovery request waiting for a clerk, made in an earlier visit.
    await core('visit.start', { locale: 'en' });
    await core('recovery.start', { idNumber: '12345678', path: 'document' });
    await core('recovery.scanDocument', { mrz: JANE_PASSPORT.join('\n') });
    await core('recovery.answer', { answers: knowledgeAnswers(kiosk.core, '12345678') });
    const sent = await core('recovery.sendNewPhoneCode', { phone: '0798765432' });
    await core('recovery.submit', { codeId: sent['codeId'], code: lastCodeSentTo(kiosk.core, '+254798765432') });
    await core('visit.end', { reason: 'done' });

    // This visit's citizen has used the one search a visit allows.
    await startVisit(page);
    await page.getByTestId('service-find').tap();
    await page.getByTestId('lookup-by-idNumber').tap();
    await tapDigits(page, '11111111');
    await page.getByTestId('lookup-search').tap();
    await expect(page.getByTestId('lookup-not-found')).toBeVisible();

    // The sign-in dialog: the staff number, then the PIN.
    const logo = page.getByTestId('kiosk-logo');
    await logo.dispatchEvent('pointerdown');
    await page.clock.runFor(1_600);
    await logo.dispatchEvent('pointerup');
    await tapDigits(page, CLERK.staffId);
    await checkFit(page, 'staff-sign-in-number', { nav: false });
    await page.getByTestId('staff-next').tap();
    await tapDigits(page, CLERK.pin);
    await checkFit(page, 'staff-sign-in-pin', { nav: false });
    await page.getByTestId('staff-submit').tap();
    await expect(page.getByTestId('attended-banner')).toBeVisible();

    // My shift: open it with a float, count the drawer to close it, the result.
    await page.getByTestId('attended-shift').tap();
    await expect(page.getByTestId('shift-amount')).toBeVisible();
    await tapDigits(page, '2000');
    await checkFit(page, 'staff-shift-open');
    await page.getByTestId('shift-open').tap();
    await expect(page.getByTestId('shift-expected')).toHaveText('KES 2,000');
    await tapDigits(page, '2000');
    await checkFit(page, 'staff-shift-count');
    await page.getByTestId('shift-close').tap();
    await expect(page.getByTestId('shift-variance')).toHaveText('The drawer balances');
    await checkFit(page, 'staff-shift-closed');

    // Approvals: a request waiting, the confirmation, then none left.
    await page.getByTestId('attended-approvals').tap();
    await expect(page.getByTestId('clerk-approve')).toBeVisible();
    await checkFit(page, 'staff-approvals-pending');
    await page.getByTestId('clerk-approve').tap();
    await checkFit(page, 'staff-approvals-confirm', { nav: false });
    await page.getByTestId('clerk-approve-confirm').tap();
    await expect(page.getByTestId('clerk-no-requests')).toBeVisible();
    await checkFit(page, 'staff-approvals-empty');

    // Overrides: the citizen at the search limit and an M-Pesa prompt waiting past two minutes.
    const bill = await core('payments.billForRenewal', { years: 1 });
    const payment = await core('payments.payByMpesa', { billId: bill['id'], idempotencyKey: randomUUID(), phone: '0799000002' });
    expect(payment['state']).toBe('prompted');
    // Its start put three minutes back, rather than wait them out.
    kiosk.core.context.db.prepare('UPDATE payments SET created_at = ? WHERE id = ?').run(new Date(Date.now() - 3 * 60_000).toISOString(), payment['id']);
    await page.getByTestId('attended-overrides').tap();
    await expect(page.getByTestId('override-lift')).toBeVisible();
    await expect(page.getByTestId('override-check-cancel')).toBeVisible();
    await checkFit(page, 'staff-overrides');
    await page.getByTestId('override-lift').tap();
    await page.getByTestId('override-reason-typing-mistakes').tap();
    await page.getByTestId('override-confirm').tap();
    await expect(page.getByTestId('override-outcome')).toBeVisible();
    await expect(page.getByTestId('override-check-cancel')).toBeVisible();
    await checkFit(page, 'staff-overrides-lifted');
  });
});

test.describe('on a kiosk without a printer', () => {
  test.use({ kioskSettings: { mpesa: { baseUrl: 'http://127.0.0.1:9' }, card: { simulator: true, simulatorDelayMs: 300 }, printer: { transport: 'none' } } });

  test('the receipt sent by SMS or email fits: the choice, the phone on the keypad, the address on the keyboard', async ({ kioskPage: page }) => {
    await startVisit(page);
    await page.getByTestId('service-pay').tap();
    await page.getByTestId('pay-choose-renewal').tap();
    await page.getByTestId('pay-renewal-3').tap();
    await page.getByTestId('pay-method-card').tap();
    await page.getByTestId('pay-card-start').tap();
    await expect(page.getByTestId('receipt-cannot-print')).toBeVisible({ timeout: 10_000 });
    await checkFit(page, 'receipt-send');
    await page.getByTestId('receipt-send-sms').tap();
    await tapDigits(page, '0722000111');
    await checkFit(page, 'receipt-send-sms');
    await page.getByTestId('receipt-send-switch').tap();
    await tapKeys(page, 'jane');
    await expect(page.getByTestId('receipt-send-address')).toHaveText('jane');
    await checkFit(page, 'receipt-send-email');
  });
});

import type { KioskCore } from '../../electron/core/kiosk-core';
import { emailSimulatorOf } from '../../electron/core/email/email-simulator';
import { smsSimulatorOf } from '../../electron/core/sms/sms-simulator';

const codeIn = (text: string | undefined) => (text ? /\b([0-9]{4,8})\b/.exec(text)?.[1] : undefined);

/** The code in the latest SMS the kiosk's simulator sent to `phoneE164`, as the citizen would read it. */
export function lastCodeSentTo(core: KioskCore, phoneE164: string): string {
  const code = codeIn(smsSimulatorOf(core.context.sms).lastTo(phoneE164)?.text);
  if (!code) throw new Error(`no code was sent to ${phoneE164}`);
  return code;
}

/** The code in the latest email the kiosk's simulator sent to `email`, read from its body. */
export function lastCodeEmailedTo(core: KioskCore, email: string): string {
  const code = codeIn(emailSimulatorOf(core.context.email).lastTo(email)?.text);
  if (!code) throw new Error(`no code was emailed to ${email}`);
  return code;
}

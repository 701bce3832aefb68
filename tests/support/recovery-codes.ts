import type { KioskCore } from '../../electron/core/kiosk-core';
import { smsSimulatorOf } from '../../electron/core/simulators/sms/sms-simulator';

/** The code in the latest SMS the kiosk's simulator sent to `phoneE164`, as the citizen would read it. */
export function lastCodeSentTo(core: KioskCore, phoneE164: string): string {
  const text = smsSimulatorOf(core.context.sms).lastTo(phoneE164)?.text;
  const code = text ? /\b([0-9]{4,8})\b/.exec(text)?.[1] : undefined;
  if (!code) throw new Error(`no code was sent to ${phoneE164}`);
  return code;
}

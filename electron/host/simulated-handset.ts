import { maskEmail, maskPhone } from '@shared/identifiers';
import type { KioskCore } from '../core/kiosk-core';
import { SimulatedMessageLog } from '../core/simulated-message-log';

/**
 * In the demo nobody holds the citizen's phone, so the console stands in for it: each message
 * the SMS and email simulators accept is printed, its address masked as on the screen. With a
 * real provider configured there is no simulator and nothing is printed.
 */
export function showSimulatedMessages(core: KioskCore, print: (line: string) => void): void {
  const { sms, email } = core.context;
  if (sms instanceof SimulatedMessageLog) sms.watch((message) => print(`[simulated SMS to ${maskPhone(message.to)}] ${message.text}`));
  if (email instanceof SimulatedMessageLog) email.watch((message) => print(`[simulated email to ${maskEmail(message.to)}] ${message.text}`));
}

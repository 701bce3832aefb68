import { afterEach, expect, it } from 'vitest';
import { showSimulatedMessages } from '../../electron/host/simulated-handset';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';

let kiosk: TempKiosk | undefined;
afterEach(() => kiosk?.dispose());

it('the demo console shows each simulated SMS and email as the citizen would receive it, address masked', async () => {
  kiosk = tempKiosk();
  const lines: string[] = [];
  showSimulatedMessages(kiosk.core, (line) => lines.push(line));
  await kiosk.core.context.sms.send({ to: '+254712345457', text: 'Your eCitizen kiosk code is 482913.' });
  await kiosk.core.context.email.send({ to: 'jane.kamau@gmail.com', subject: 'Code', text: 'Your code is 551022.' });
  expect(lines).toEqual([
    '[simulated SMS to 07•• ••• 457] Your eCitizen kiosk code is 482913.',
    '[simulated email to j•••@gmail.com] Your code is 551022.',
  ]);
});

it('prints nothing when a real provider is configured', async () => {
  kiosk = tempKiosk({ settings: { sms: { provider: 'africastalking', africasTalking: { apiKey: 'test-key' } } } });
  const lines: string[] = [];
  showSimulatedMessages(kiosk.core, (line) => lines.push(line));
  expect(kiosk.core.context.sms.provider).toBe('africastalking');
  expect(lines).toEqual([]);
});

import type { lookupCalls } from '@shared/contract/lookup';
import type { CoreContext } from '../context';
import type { Feature } from '../feature';
import { Lookup } from './lookup';

export function createLookup(ctx: CoreContext): Feature<keyof typeof lookupCalls, Lookup> {
  const service = new Lookup(ctx);
  return {
    service,
    handlers: {
      'lookup.search': (query) => service.search(query),
      'lookup.sendCode': () => service.sendCode(),
      'lookup.verifyCode': ({ codeId, code }) => service.verifyCode(codeId, code),
      'lookup.details': () => service.details(),
      'sms.simulatorOutbox': () => service.simulatedSms(),
    },
    start: () => undefined,
  };
}

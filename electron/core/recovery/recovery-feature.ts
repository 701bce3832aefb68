import type { recoveryCalls } from '@shared/contract/recovery';
import type { CoreContext } from '../context';
import type { Feature } from '../feature';
import type { Lookup } from '../lookup/lookup';
import { createRecoveryService, type Recovery } from './recovery';

export function createRecovery(ctx: CoreContext, services: { lookup: Lookup }): Feature<keyof typeof recoveryCalls, Recovery> {
  const service = createRecoveryService(ctx, services.lookup);
  return {
    service,
    handlers: {
      'recovery.start': service.start,
      'recovery.startByPassportMrz': service.startByPassportMrz,
      'recovery.requestReset': service.requestReset,
      'recovery.scanDocument': service.scanDocument,
      'recovery.answer': service.answer,
      'recovery.sendNewPhoneCode': service.sendNewPhoneCode,
      'recovery.submit': service.submit,
      'recovery.resendCode': service.resendCode,
      'recovery.sendNewEmailCode': service.sendNewEmailCode,
      'recovery.addNewEmail': service.addNewEmail,
      'recovery.pending': service.pending,
      'recovery.approve': service.approve,
      'recovery.reject': service.reject,
    },
    start: () => service.expireStale(),
  };
}

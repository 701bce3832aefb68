import type { KioskCore } from '../../electron/core/kiosk-core';
import { lastCodeSentTo } from './recovery-codes';

/**
 * The open visit proves it is the citizen with `idNumber`, as the citizen would: a search,
 * a code to the registered phone, the code typed back. Spends one of the visit's searches.
 */
export async function verifyVisitAs(core: KioskCore, idNumber: string): Promise<void> {
  const ok = async (name: string, request: unknown) => {
    const result = await core.invoke(name, request);
    if (!result.ok) throw new Error(`${name} refused: ${result.error.code}`);
    return result.value as Record<string, unknown>;
  };
  const { phone } = core.context.db.prepare('SELECT phone FROM citizens WHERE id_number = ?').get(idNumber) as { phone: string };
  await ok('lookup.search', { kind: 'idNumber', value: idNumber });
  const sent = await ok('lookup.sendCode', {});
  await ok('lookup.verifyCode', { codeId: sent['codeId'], code: lastCodeSentTo(core, phone) });
}

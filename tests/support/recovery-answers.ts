import type { KioskCore } from '../../electron/core/kiosk-core';
import type { KnowledgeQuestion } from '../../shared/contract/recovery';

/**
 * What the citizen with `idNumber` knows and their document does not carry, read from the
 * replica: the year their licence was issued and the phone the account had (07XXXXXXXX).
 */
export function knowledgeAnswers(core: KioskCore, idNumber: string): Partial<Record<KnowledgeQuestion, string>> {
  const row = core.context.db
    .prepare(
      `SELECT c.phone, (SELECT substr(max(issued_on), 1, 4) FROM driving_licences d WHERE d.citizen_id = c.id) AS licenceYear
       FROM citizens c WHERE c.id_number = ?`,
    )
    .get(idNumber) as { phone: string | null; licenceYear: string | null };
  return {
    ...(row.licenceYear ? { licenceYear: row.licenceYear } : {}),
    ...(row.phone ? { registeredPhone: `0${row.phone.slice(4)}` } : {}),
  };
}

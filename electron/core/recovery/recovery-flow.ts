import type { KnowledgeQuestion, RecoveryPath } from '../../../shared/contract/recovery';

/**
 * Where one visit is in the recovery flow. Kept in a visit slot, so everything here (which
 * record, the document's hash, the new phone) is forgotten when the visit ends.
 */
export interface RecoveryFlow {
  citizen?: { id: number; idHash: string; path: RecoveryPath };
  resetCodeId?: string;
  document?: { format: 'TD1' | 'TD3'; mrzHash: string; questions: KnowledgeQuestion[] };
  knowledgePassed?: boolean;
  newPhone?: { codeId: string; phone: string };
}

/** A fresh start: a new ID number or path drops everything the visit had verified. */
export function resetFlow(flow: RecoveryFlow): void {
  for (const key of Object.keys(flow) as (keyof RecoveryFlow)[]) delete flow[key];
}

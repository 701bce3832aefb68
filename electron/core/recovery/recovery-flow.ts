import type { KnowledgeQuestion, RecoveryPath } from '@shared/contract/recovery';

/**
 * Where one visit is in the recovery flow. Kept in a visit slot, so everything here (which
 * record, the document's hash, the new phone and email) is forgotten when the visit ends.
 */
export interface RecoveryFlow {
  /** Staff signed in during any step so far: the request they help make is not theirs to approve. */
  attendedBy?: Set<string>;
  citizen?: { id: number; idHash: string; path: RecoveryPath };
  resetCodeId?: string;
  document?: { format: 'TD1' | 'TD3'; mrzHash: string; questions: KnowledgeQuestion[] };
  knowledgePassed?: boolean;
  newPhone?: { codeId: string; phone: string };
  /** The request the new phone's code recorded; an optional new email may still be added to it. */
  submitted?: { requestId: string; reference: string; idHash: string };
  newEmail?: { codeId: string; email: string };
}

/** A fresh start: a new ID number or path drops everything the visit had verified. */
export function resetFlow(flow: RecoveryFlow): void {
  for (const key of Object.keys(flow) as (keyof RecoveryFlow)[]) delete flow[key];
}

import { z } from 'zod';
import { knowledgeQuestionSchema, type KnowledgeQuestion } from '@shared/contract/recovery';

const defaults = {
  maxFailedChecksPerDay: 3,
  knowledgeQuestions: ['licenceYear', 'registeredPhone'] as KnowledgeQuestion[],
};

/**
 * Recovery limits. Failed checks (a document that does not match, a wrong answer) are
 * counted per ID number per Kenyan day across the kiosk; at the limit the citizen is sent
 * to the counter. Each configured question is asked when the record can answer it
 * (the licence year only of someone with a licence, the old phone only of an account that
 * had one); the birth date is no question, as the document's MRZ carries it.
 */
export const recoverySettingsSchema = z
  .object({
    maxFailedChecksPerDay: z.number().int().min(1).max(20).default(defaults.maxFailedChecksPerDay),
    knowledgeQuestions: z.array(knowledgeQuestionSchema).min(1).default(defaults.knowledgeQuestions),
  })
  .default(defaults);

export type RecoverySettings = z.output<typeof recoverySettingsSchema>;

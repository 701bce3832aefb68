import type { KnowledgeQuestion } from '@shared/contract/recovery';
import { parseKenyanMobile } from '@shared/identifiers/phone';
import type { CitizenRecord } from './citizen-records';

/**
 * The configured questions this record can answer, in the configured order. Every question
 * asks what the scanned document does not carry: its MRZ already proved the names, the birth
 * date, the sex, the nationality and the document's number and expiry, so asking any of them
 * again would prove nothing more. None may be left: then the clerk's check is what stands.
 */
export function questionsFor(record: CitizenRecord, configured: readonly KnowledgeQuestion[]): KnowledgeQuestion[] {
  return configured.filter((question) => expectedAnswer(record, question) !== null);
}

/** Every question asked must be answered, and answered right; extra answers are ignored. */
export function answersCorrect(
  record: CitizenRecord,
  questions: readonly KnowledgeQuestion[],
  answers: Partial<Record<KnowledgeQuestion, string>>,
): boolean {
  return questions.every((question) => answers[question] !== undefined && answers[question] === expectedAnswer(record, question));
}

/** What the keypad should show: the licence's year as YYYY, the registered phone as 07XXXXXXXX. */
export function expectedAnswer(record: CitizenRecord, question: KnowledgeQuestion): string | null {
  switch (question) {
    case 'licenceYear':
      return record.licenceIssuedOn?.slice(0, 4) ?? null;
    case 'registeredPhone': {
      // The number the account had: lost with the phone, still known to its owner.
      const parsed = record.phone === null ? null : parseKenyanMobile(record.phone);
      return parsed?.ok ? `0${parsed.value.slice(4)}` : null;
    }
  }
}

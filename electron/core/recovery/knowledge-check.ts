import type { KnowledgeQuestion } from '../../../shared/contract/recovery';
import type { CitizenRecord } from './citizen-records';

/** The configured questions this record can answer, in the configured order. */
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

/** What the keypad should show: birth date as DDMMYYYY, the licence's year as YYYY. */
function expectedAnswer(record: CitizenRecord, question: KnowledgeQuestion): string | null {
  switch (question) {
    case 'birthDate': {
      const [year, month, day] = record.dateOfBirth.split('-');
      return `${day}${month}${year}`;
    }
    case 'licenceYear':
      return record.licenceIssuedOn?.slice(0, 4) ?? null;
  }
}

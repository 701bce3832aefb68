import type { ParsedRequest } from '@shared/contract';
import { maskEmail } from '@shared/identifiers';
import { parseMrz, type MrzDocument } from '@shared/mrz';
import type { CoreContext } from '../context';
import { KioskError } from '../errors';
import type { Lookup } from '../lookup/lookup';
import { RECOVERY_START_ACTION } from '../lookup/lookup-limits';
import { markVisitVerified } from '../verification/visit-verification';
import type { Visit } from '../visits/visits';
import { CitizenRecords, type CitizenRecord } from './citizen-records';
import { matchDocument } from './document-match';
import { FailureLimit } from './failure-limit';
import { kenyaDate } from '@shared/kenya/time';
import { answersCorrect, questionsFor } from './knowledge-check';
import { resetFlow, type RecoveryFlow } from './recovery-flow';
import { newRecoveryReference } from './recovery-reference';
import { RecoveryRequests } from './recovery-requests';

export const PASSWORD_RESET_EVENT = 'account.password-reset.requested';

/** A document's expiry date ('YYYY-MM-DD') as it is printed on Kenyan documents and read in both languages: 15/04/2012. */
function expiryDateParams(date: string): { date: string } {
  const [year, month, day] = date.split('-');
  return { date: `${day}/${month}/${year}` };
}

/**
 * Account recovery. Path 1: a code to the registered phone, then a reset request for the
 * back office (the kiosk never sees a password). Path 2: the document's MRZ matched against
 * the replica, a knowledge check, a code to the new phone, then a request a clerk approves
 * (to which a new email, proven by a code too, may be added while it waits). A passport
 * holder may start path 2 with the passport's MRZ alone: it names the record and is checked.
 * Every attempt is audited under a keyed hash of the ID number; failed checks count toward
 * the daily limit per ID number.
 */
export function createRecoveryService(ctx: CoreContext, lookup: Lookup) {
  const settings = ctx.settings.recovery;
  const citizens = new CitizenRecords(ctx.db);
  const limit = new FailureLimit(ctx.db, ctx.clock, settings.maxFailedChecksPerDay);
  const requests = new RecoveryRequests(ctx.db, ctx.offThreadSync, ctx.clock, ctx.audit, ctx.outbox, citizens, ctx.kioskId);
  const flowOf = ctx.visits.slot<RecoveryFlow>(() => ({}));

  /** Attended from the start: the clerk at the kiosk is who did the step. */
  const actor = () => {
    const staff = ctx.staff.current();
    return staff ? `staff:${staff.staffId}` : 'citizen';
  };
  const audit = (visit: Visit, idHash: string, action: string, outcome: string, details: Record<string, string | number | boolean | null> = {}) =>
    ctx.offThreadSync.commit(() => ctx.audit.append({ action, outcome, actor: actor(), visitId: visit.id, subject: idHash, details }));

  /** Checks the steps before this one were done, and notes who of the staff is signed in for it. */
  function step<K extends keyof RecoveryFlow>(flow: RecoveryFlow, ...needed: K[]): Required<Pick<RecoveryFlow, K>> {
    for (const key of needed) if (flow[key] === undefined || flow[key] === false) throw new KioskError('recovery.outOfOrder');
    noteStaff(flow);
    return flow as Required<Pick<RecoveryFlow, K>>;
  }

  function noteStaff(flow: RecoveryFlow): void {
    const staff = ctx.staff.current();
    if (staff) (flow.attendedBy ??= new Set()).add(staff.staffId);
  }

  function requireAttemptsLeft(visit: Visit, idHash: string): number {
    const left = limit.attemptsLeft(idHash);
    if (left === 0) {
      audit(visit, idHash, 'recovery.attempt', 'locked-out');
      throw new KioskError('recovery.lockedOut');
    }
    return left;
  }

  function recordFailure(visit: Visit, idHash: string, kind: 'document' | 'knowledge', details: Record<string, string>): number {
    return ctx.offThreadSync.commit(() => {
      const attemptsLeft = limit.record(idHash, kind);
      audit(visit, idHash, `recovery.${kind}`, 'failed', { ...details, attemptsLeft });
      return attemptsLeft;
    });
  }

  /** The scanned lines read; a misread is the scanner's or the document's fault, not a failed check: it does not count. */
  function readScan(mrz: string): MrzDocument {
    const read = parseMrz(mrz, { now: ctx.clock.now() });
    if (!read.ok) throw new KioskError(`recovery.mrz.${read.reason}`, { ...(read.field ? { field: read.field } : {}), ...(read.line ? { params: { line: read.line } } : {}) });
    return read;
  }

  function documentExpired(read: MrzDocument): KioskError {
    return new KioskError('recovery.documentExpired', { field: 'expiryDate', params: expiryDateParams(read.expiryDate) });
  }

  /** Compares the read document with the citizen's record: a match opens the knowledge check, a mismatch spends an attempt. */
  function checkDocument(visit: Visit, flow: RecoveryFlow, citizen: { idHash: string }, record: CitizenRecord, read: MrzDocument, mrz: string) {
    const mrzHash = ctx.hashIdentifier('mrz', mrz.split(/\s+/).join(''));
    const mismatches = matchDocument(read, record, kenyaDate(ctx.clock.now()));
    const details = { format: read.format, mrzHash };
    if (mismatches.length === 1 && mismatches[0] === 'expired') {
      // The citizen's own document, out of date: another document will do, so no attempt is
      // spent, and the screen says what is wrong rather than "does not match".
      audit(visit, citizen.idHash, 'recovery.document', 'expired', details);
      throw documentExpired(read);
    }
    if (mismatches.length > 0) {
      return { matched: false as const, mismatches, attemptsLeft: recordFailure(visit, citizen.idHash, 'document', { ...details, mismatches: mismatches.join(',') }) };
    }
    const questions = questionsFor(record, settings.knowledgeQuestions);
    flow.document = { format: read.format, mrzHash, questions };
    audit(visit, citizen.idHash, 'recovery.document', 'matched', details);
    if (questions.length === 0) {
      // Nothing on record that the document does not already prove: the clerk's check stands alone.
      flow.knowledgePassed = true;
      audit(visit, citizen.idHash, 'recovery.knowledge', 'nothing-to-ask');
    }
    return { matched: true as const, questions };
  }

  return {
    /** Requests left pending when the kiosk last stopped expire at start, not when a clerk next looks. */
    expireStale: () => requests.expireStale(),

    start: async (request: ParsedRequest<'recovery.start'>) => {
      const { path } = request;
      const visit = ctx.visits.require();
      // Starting a recovery answers whether an identifier is on record, and may send an SMS:
      // it spends the same per-visit and per-kiosk allowance as a search.
      lookup.spendSearch(visit, 'recovery');
      const flow = flowOf(visit);
      resetFlow(flow);
      noteStaff(flow);
      requests.expireStale();
      const byPassport = 'passportNumber' in request;
      const record = byPassport ? citizens.withAccountByPassport(request.passportNumber) : citizens.withAccountByIdNumber(request.idNumber);
      // Failed checks count per citizen, however they named themselves: always their ID number's hash when found.
      const idHash = record
        ? ctx.hashIdentifier('idNumber', record.idNumber)
        : byPassport
          ? ctx.hashIdentifier('passport', request.passportNumber)
          : ctx.hashIdentifier('idNumber', request.idNumber);
      const attemptsLeft = requireAttemptsLeft(visit, idHash);
      if (!record) {
        audit(visit, idHash, RECOVERY_START_ACTION, 'not-found', { path, by: byPassport ? 'passport' : 'idNumber' });
        throw new KioskError('recovery.notFound');
      }
      if (path === 'document') {
        flow.citizen = { id: record.id, idHash, path };
        audit(visit, idHash, RECOVERY_START_ACTION, 'document', { path });
        return { path, attemptsLeft };
      }
      if (!record.phone) {
        audit(visit, idHash, RECOVERY_START_ACTION, 'no-registered-phone', { path });
        throw new KioskError('recovery.noRegisteredPhone');
      }
      const code = await ctx.codes.send(visit, { purpose: 'recovery.reset', phoneE164: record.phone });
      flow.citizen = { id: record.id, idHash, path };
      flow.resetCodeId = code.codeId;
      audit(visit, idHash, RECOVERY_START_ACTION, 'code-sent', { path });
      return { path, code };
    },

    requestReset: async ({ codeId, code }: ParsedRequest<'recovery.requestReset'>) => {
      const visit = ctx.visits.require();
      const flow = flowOf(visit);
      const { citizen, resetCodeId } = step(flow, 'citizen', 'resetCodeId');
      if (resetCodeId !== codeId) throw new KioskError('recovery.outOfOrder');
      const checked = await ctx.codes.check(visit, codeId, code);
      const record = citizens.byId(citizen.id);
      if (!record?.phone) throw new KioskError('recovery.notFound');
      const reference = newRecoveryReference();
      ctx.offThreadSync.commit(() => {
        ctx.outbox.enqueue(PASSWORD_RESET_EVENT, {
          reference,
          kioskId: ctx.kioskId,
          idNumber: record.idNumber,
          // The back office sends the reset link to the contact just proven, never to one typed here.
          sendTo: { phone: record.phone },
          verifiedBy: 'one-time-code',
          requestedAt: ctx.clock.now().toISOString(),
        });
        audit(visit, citizen.idHash, 'recovery.reset', 'requested', { reference, verified: 'otp' });
      });
      // The code from the registered phone proves who is at the screen, for the rest of the visit.
      markVisitVerified(visit, citizen.id, 'otp', ctx.clock.now());
      resetFlow(flow);
      return { reference, maskedPhone: checked.maskedPhone };
    },

    startByPassportMrz: ({ mrz }: ParsedRequest<'recovery.startByPassportMrz'>) => {
      const visit = ctx.visits.require();
      // Nothing is looked up or spent for lines that name no valid passport: the answer is the
      // same whoever holds the number, and one misread character can be corrected on screen.
      const read = readScan(mrz);
      if (read.format !== 'TD3') throw new KioskError('recovery.mrz.notPassport');
      if (read.expiryDate < kenyaDate(ctx.clock.now())) {
        audit(visit, ctx.hashIdentifier('passport', read.documentNumber), 'recovery.document', 'expired', { format: read.format, by: 'passport-mrz' });
        throw documentExpired(read);
      }
      // Starting a recovery answers whether an identifier is on record, and may send an SMS:
      // it spends the same per-visit and per-kiosk allowance as a search.
      lookup.spendSearch(visit, 'recovery');
      const flow = flowOf(visit);
      resetFlow(flow);
      noteStaff(flow);
      requests.expireStale();
      const record = citizens.withAccountByPassport(read.documentNumber);
      // Failed checks count per citizen, as when they typed a number: their ID number's hash when found.
      const idHash = record ? ctx.hashIdentifier('idNumber', record.idNumber) : ctx.hashIdentifier('passport', read.documentNumber);
      requireAttemptsLeft(visit, idHash);
      if (!record) {
        audit(visit, idHash, RECOVERY_START_ACTION, 'not-found', { path: 'document', by: 'passport-mrz' });
        throw new KioskError('recovery.notFound');
      }
      flow.citizen = { id: record.id, idHash, path: 'document' };
      audit(visit, idHash, RECOVERY_START_ACTION, 'document', { path: 'document', by: 'passport-mrz' });
      return checkDocument(visit, flow, flow.citizen, record, read, mrz);
    },

    scanDocument: ({ mrz }: ParsedRequest<'recovery.scanDocument'>) => {
      const visit = ctx.visits.require();
      const flow = flowOf(visit);
      const { citizen } = step(flow, 'citizen');
      if (citizen.path !== 'document' || flow.document) throw new KioskError('recovery.outOfOrder');
      requireAttemptsLeft(visit, citizen.idHash);
      const read = readScan(mrz);
      const record = citizens.byId(citizen.id);
      if (!record) throw new KioskError('recovery.notFound');
      return checkDocument(visit, flow, citizen, record, read, mrz);
    },

    answer: ({ answers }: ParsedRequest<'recovery.answer'>) => {
      const visit = ctx.visits.require();
      const flow = flowOf(visit);
      const { citizen, document } = step(flow, 'citizen', 'document');
      if (flow.knowledgePassed) throw new KioskError('recovery.outOfOrder');
      const attemptsLeft = requireAttemptsLeft(visit, citizen.idHash);
      const record = citizens.byId(citizen.id);
      if (!record) throw new KioskError('recovery.notFound');
      if (!answersCorrect(record, document.questions, answers)) {
        return { passed: false, attemptsLeft: recordFailure(visit, citizen.idHash, 'knowledge', { questions: document.questions.join(',') }) };
      }
      flow.knowledgePassed = true;
      audit(visit, citizen.idHash, 'recovery.knowledge', 'passed', { questions: document.questions.join(',') });
      return { passed: true, attemptsLeft };
    },

    sendNewPhoneCode: async ({ phone }: ParsedRequest<'recovery.sendNewPhoneCode'>) => {
      const visit = ctx.visits.require();
      const flow = flowOf(visit);
      const { citizen } = step(flow, 'citizen', 'document', 'knowledgePassed');
      const code = await ctx.codes.send(visit, { purpose: 'recovery.new-phone', phoneE164: phone });
      flow.newPhone = { codeId: code.codeId, phone };
      audit(visit, citizen.idHash, 'recovery.new-phone', 'code-sent');
      return code;
    },

    submit: async ({ codeId, code }: ParsedRequest<'recovery.submit'>) => {
      const visit = ctx.visits.require();
      const flow = flowOf(visit);
      const { citizen, document, newPhone } = step(flow, 'citizen', 'document', 'knowledgePassed', 'newPhone');
      if (newPhone.codeId !== codeId) throw new KioskError('recovery.outOfOrder');
      await ctx.codes.check(visit, codeId, code);
      const created = ctx.offThreadSync.commit(() => {
        const request = requests.create({
          citizenId: citizen.id,
          idHash: citizen.idHash,
          visitId: visit.id,
          documentFormat: document.format,
          mrzHash: document.mrzHash,
          newPhone: newPhone.phone,
          attendedBy: [...(flow.attendedBy ?? [])],
        });
        audit(visit, citizen.idHash, 'recovery.request', 'pending', { requestId: request.id, reference: request.reference, mrzHash: document.mrzHash });
        return request;
      });
      resetFlow(flow);
      // Only an optional new email may still be added, to this request.
      flow.submitted = { requestId: created.id, reference: created.reference, idHash: citizen.idHash };
      return { reference: created.reference, expiresAt: created.expiresAt };
    },

    resendCode: async ({ purpose }: ParsedRequest<'recovery.resendCode'>) => {
      const visit = ctx.visits.require();
      const flow = flowOf(visit);
      if (purpose === 'reset') {
        const { citizen } = step(flow, 'citizen', 'resetCodeId');
        const record = citizens.byId(citizen.id);
        if (!record?.phone) throw new KioskError('recovery.notFound');
        const code = await ctx.codes.send(visit, { purpose: 'recovery.reset', phoneE164: record.phone });
        flow.resetCodeId = code.codeId;
        audit(visit, citizen.idHash, 'recovery.reset', 'code-resent');
        return { codeId: code.codeId, expiresAt: code.expiresAt };
      }
      if (purpose === 'new-phone') {
        const { citizen, newPhone } = step(flow, 'citizen', 'document', 'knowledgePassed', 'newPhone');
        const code = await ctx.codes.send(visit, { purpose: 'recovery.new-phone', phoneE164: newPhone.phone });
        flow.newPhone = { codeId: code.codeId, phone: newPhone.phone };
        audit(visit, citizen.idHash, 'recovery.new-phone', 'code-resent');
        return { codeId: code.codeId, expiresAt: code.expiresAt };
      }
      const { submitted, newEmail } = step(flow, 'submitted', 'newEmail');
      requests.requirePending(submitted.requestId);
      const code = await ctx.codes.sendByEmail(visit, { purpose: 'recovery.new-email', email: newEmail.email });
      flow.newEmail = { codeId: code.codeId, email: newEmail.email };
      audit(visit, submitted.idHash, 'recovery.new-email', 'code-resent', { requestId: submitted.requestId });
      return { codeId: code.codeId, expiresAt: code.expiresAt };
    },

    sendNewEmailCode: async ({ email }: ParsedRequest<'recovery.sendNewEmailCode'>) => {
      const visit = ctx.visits.require();
      const flow = flowOf(visit);
      const { submitted } = step(flow, 'submitted');
      requests.requirePending(submitted.requestId);
      const code = await ctx.codes.sendByEmail(visit, { purpose: 'recovery.new-email', email });
      flow.newEmail = { codeId: code.codeId, email };
      audit(visit, submitted.idHash, 'recovery.new-email', 'code-sent', { requestId: submitted.requestId });
      return code;
    },

    addNewEmail: async ({ codeId, code }: ParsedRequest<'recovery.addNewEmail'>) => {
      const visit = ctx.visits.require();
      const flow = flowOf(visit);
      const { submitted, newEmail } = step(flow, 'submitted', 'newEmail');
      if (newEmail.codeId !== codeId) throw new KioskError('recovery.outOfOrder');
      await ctx.codes.check(visit, codeId, code);
      ctx.offThreadSync.commit(() => {
        requests.addEmail(submitted.requestId, newEmail.email, ctx.staff.current()?.staffId);
        audit(visit, submitted.idHash, 'recovery.new-email', 'added', { requestId: submitted.requestId, reference: submitted.reference });
      });
      resetFlow(flow);
      return { reference: submitted.reference, maskedEmail: maskEmail(newEmail.email) };
    },

    pending: () => ({ requests: requests.pending(signedInStaff()) }),

    approve: ({ requestId }: ParsedRequest<'recovery.approve'>) => {
      requests.decide(requestId, { status: 'approved' }, signedInStaff());
      return { status: 'approved' as const };
    },

    reject: ({ requestId, reason }: ParsedRequest<'recovery.reject'>) => {
      requests.decide(requestId, { status: 'rejected', reason }, signedInStaff());
      return { status: 'rejected' as const };
    },
  };

  /** The dispatcher lets clerk calls through only with staff signed in; this names them. */
  function signedInStaff() {
    const staff = ctx.staff.current();
    if (!staff) throw new KioskError('call.forbidden');
    return staff;
  }
}

export type Recovery = ReturnType<typeof createRecoveryService>;

import { randomUUID } from 'node:crypto';
import { maskEmail, maskPhone } from '@shared/identifiers';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { OffThreadSync } from '../db/off-thread-sync';
import type { EmailGateway } from '../email/email-gateway';
import { EmailSendError } from '../email/email-gateway';
import { KioskError } from '../errors';
import type { Logger } from '@shared/node/logging/logger';
import type { IdentifierHasher } from '../audit/identifier-hash';
import type { SmsGateway } from '../sms/sms-gateway';
import { SmsSendError } from '../sms/sms-gateway';
import type { Visit } from '../visits/visits';
import { codeMatches, hashCode, newCode, newSalt } from './code-hash';
import { codeEmail } from './email-text';
import { codeSmsText, type CodePurpose } from './sms-text';
import type { VerificationSettings } from '../settings/verification-settings';

export interface SentCode {
  codeId: string;
  /** '07•• ••• 457': what the screen may say about where the code went. */
  maskedPhone: string;
  expiresAt: string;
}

export interface SentEmailCode {
  codeId: string;
  /** 'j•••@gmail.com': what the screen may say about where the code went. */
  maskedEmail: string;
  expiresAt: string;
}

/** Where one code goes: by SMS or by email. */
interface CodeDestination {
  contactHash: string;
  masked: string;
  provider: string;
  failure: 'verification.smsFailed' | 'verification.emailFailed';
  deliver: (code: string, minutes: number) => Promise<void>;
}

export type CodeCheck =
  | { outcome: 'ok'; purpose: CodePurpose; maskedPhone: string }
  | { outcome: 'wrong'; triesLeft: number }
  | { outcome: 'expired' }
  | { outcome: 'exhausted' };

/** A code that matched: what it was for and where it went. */
export interface CheckedCode {
  purpose: CodePurpose;
  maskedPhone: string;
}

interface CodeRow {
  purpose: CodePurpose;
  masked_phone: string;
  salt: string;
  code_hash: string;
  expires_at: string;
  tries_left: number;
  state: string;
}

export interface OneTimeCodesDeps {
  db: Db;
  /** Every record here commits through it: synced off the answering thread. */
  offThreadSync: OffThreadSync;
  clock: Clock;
  audit: AuditLog;
  log: Logger;
  sms: SmsGateway;
  email: EmailGateway;
  hashIdentifier: IdentifierHasher;
  settings: VerificationSettings;
}

/**
 * One-time codes sent by SMS (or by email, to prove a new address) and typed back at the kiosk. A code belongs to the visit that
 * asked for it, lives `codeTtlSeconds`, allows `triesPerCode` entries, and a visit may have
 * at most `codesPerVisit` sent. Only a salted scrypt hash of the code is kept; the code is
 * in the SMS and nowhere else (never in logs or the audit trail). Every send and every
 * check writes an audit row naming the phone only by its keyed hash.
 */
export class OneTimeCodes {
  private readonly sentInVisit;
  private readonly supersede;
  private readonly insert;
  private readonly setState;
  private readonly find;
  private readonly spendTry;
  /** Extra codes a clerk's override granted this visit (a visit slot: gone with the visit). */
  private readonly extraCodesKey = Symbol('extra-codes');

  constructor(private readonly deps: OneTimeCodesDeps) {
    const { db } = deps;
    this.sentInVisit = db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM one_time_codes WHERE visit_id = ? AND state != 'failed'");
    this.supersede = db.prepare("UPDATE one_time_codes SET state = 'superseded' WHERE visit_id = ? AND purpose = ? AND state IN ('sending', 'active')");
    this.insert = db.prepare(
      `INSERT INTO one_time_codes (id, visit_id, purpose, phone_hash, masked_phone, salt, code_hash, created_at, expires_at, tries_left, state)
       VALUES (@id, @visitId, @purpose, @phoneHash, @maskedPhone, @salt, @codeHash, @createdAt, @expiresAt, @triesLeft, 'sending')`,
    );
    this.setState = db.prepare<[string, string]>('UPDATE one_time_codes SET state = ? WHERE id = ?');
    this.find = db.prepare<[string, string], CodeRow>(
      'SELECT purpose, masked_phone, salt, code_hash, expires_at, tries_left, state FROM one_time_codes WHERE id = ? AND visit_id = ?',
    );
    this.spendTry = db.prepare<[string, string]>('UPDATE one_time_codes SET tries_left = tries_left - 1, state = ? WHERE id = ?');
  }

  /**
   * Sends a new code to `phoneE164` (a number the caller already trusts: the registered one,
   * or one the citizen typed for a new-phone check). A newer code for the same purpose
   * replaces any older one. Refuses with `verification.tooManyCodes` past the visit's limit
   * and `verification.smsFailed` when the gateway does not take the message.
   */
  async send(visit: Visit, request: { purpose: CodePurpose; phoneE164: string }): Promise<SentCode> {
    const maskedPhone = maskPhone(request.phoneE164);
    if (!maskedPhone) throw new RangeError('OneTimeCodes.send expects a Kenyan mobile number in E.164 form');
    const { sms } = this.deps;
    const sent = await this.issue(visit, request.purpose, {
      contactHash: this.deps.hashIdentifier('phone', request.phoneE164),
      masked: maskedPhone,
      provider: sms.provider,
      failure: 'verification.smsFailed',
      deliver: async (code, minutes) => {
        await sms.send({ to: request.phoneE164, text: codeSmsText(request.purpose, code, minutes, visit.locale) });
      },
    });
    return { codeId: sent.codeId, maskedPhone, expiresAt: sent.expiresAt };
  }

  /**
   * Sends a new code by email to `email` (an address the citizen typed and must prove they
   * read), with the same limits, expiry and tries as a code by SMS, and checked by `check`.
   * Refuses with `verification.tooManyCodes` or `verification.emailFailed`.
   */
  async sendByEmail(visit: Visit, request: { purpose: CodePurpose; email: string }): Promise<SentEmailCode> {
    const maskedEmail = maskEmail(request.email);
    const { email } = this.deps;
    const sent = await this.issue(visit, request.purpose, {
      contactHash: this.deps.hashIdentifier('email', request.email),
      masked: maskedEmail,
      provider: email.provider,
      failure: 'verification.emailFailed',
      deliver: async (code, minutes) => {
        await email.send({ to: request.email, ...codeEmail(request.purpose, code, minutes, visit.locale) });
      },
    });
    return { codeId: sent.codeId, maskedEmail, expiresAt: sent.expiresAt };
  }

  /** Records, delivers and activates one code; the destination says where and how it goes. */
  private async issue(visit: Visit, purpose: CodePurpose, destination: CodeDestination): Promise<{ codeId: string; expiresAt: string }> {
    const { offThreadSync, clock, audit, settings } = this.deps;
    const { contactHash } = destination;
    const code = newCode(settings.codeLength);
    const salt = newSalt();
    const codeHash = await hashCode(code, salt);
    const now = clock.now();
    const codeId = randomUUID();
    const expiresAt = new Date(now.getTime() + settings.codeTtlSeconds * 1000).toISOString();

    const allowed = offThreadSync.commit(() => {
      if (this.codesSent(visit) >= settings.codesPerVisit + this.extraCodes(visit)) {
        audit.append({ action: 'code.send', outcome: 'refused-limit', actor: 'citizen', visitId: visit.id, subject: contactHash, details: { purpose } });
        return false;
      }
      this.supersede.run(visit.id, purpose);
      // An email code keeps the address's keyed hash and mask in the phone columns.
      this.insert.run({ id: codeId, visitId: visit.id, purpose, phoneHash: contactHash, maskedPhone: destination.masked, salt, codeHash, createdAt: now.toISOString(), expiresAt, triesLeft: settings.triesPerCode });
      return true;
    }, 'immediate');
    if (!allowed) throw new KioskError('verification.tooManyCodes', { params: { count: settings.codesPerVisit } });
    // Counted on disk before it leaves: after a power cut, a code sent still counts against the visit's allowance.
    await offThreadSync.synced();

    const minutes = Math.ceil(settings.codeTtlSeconds / 60);
    try {
      await destination.deliver(code, minutes);
    } catch (error) {
      const reason = error instanceof SmsSendError || error instanceof EmailSendError ? error.reason : 'gateway-error';
      this.deps.log.warn({ provider: destination.provider, reason }, 'one-time code not sent');
      offThreadSync.commit(() => {
        this.setState.run('failed', codeId);
        audit.append({ action: 'code.send', outcome: 'failed', actor: 'citizen', visitId: visit.id, subject: contactHash, details: { purpose, codeId, reason } });
      });
      throw new KioskError(destination.failure);
    }
    offThreadSync.commit(() => {
      this.setState.run('active', codeId);
      audit.append({ action: 'code.send', outcome: 'sent', actor: 'citizen', visitId: visit.id, subject: contactHash, details: { purpose, codeId } });
    });
    return { codeId, expiresAt };
  }

  /** True when this visit may be sent no more codes. */
  visitLimitReached(visit: Visit): boolean {
    return this.codesSent(visit) >= this.deps.settings.codesPerVisit + this.extraCodes(visit);
  }

  /** A clerk's override: the visit may be sent a full allowance of codes again. */
  liftVisitLimit(visit: Visit): void {
    visit.slots.set(this.extraCodesKey, this.codesSent(visit));
  }

  private codesSent(visit: Visit): number {
    return this.sentInVisit.get(visit.id)?.n ?? 0;
  }

  private extraCodes(visit: Visit): number {
    return (visit.slots.get(this.extraCodesKey) as number | undefined) ?? 0;
  }

  /**
   * Checks a code typed at the screen and refuses anything but a match with the citizen's
   * bilingual message: `verification.wrongCode` (with `count`, the tries left), `verification.codeExpired`
   * or `verification.codeExhausted`. Throwing is the safe default: a caller cannot mistake a
   * wrong code for a right one by forgetting to read the outcome.
   */
  async check(visit: Visit, codeId: string, code: string): Promise<CheckedCode> {
    const result = await this.attempt(visit, codeId, code);
    switch (result.outcome) {
      case 'ok':
        return { purpose: result.purpose, maskedPhone: result.maskedPhone };
      case 'wrong':
        throw new KioskError('verification.wrongCode', { field: 'code', params: { count: result.triesLeft } });
      case 'expired':
        throw new KioskError('verification.codeExpired', { field: 'code' });
      case 'exhausted':
        throw new KioskError('verification.codeExhausted', { field: 'code' });
    }
  }

  /**
   * One entry of a code, as an outcome rather than a refusal. A code of another visit, or one
   * replaced by a newer code, answers 'expired' like a timed-out one: the advice is the same.
   */
  async attempt(visit: Visit, codeId: string, code: string): Promise<CodeCheck> {
    const { offThreadSync, clock, audit } = this.deps;
    const row = this.find.get(codeId, visit.id);
    const record = (outcome: string, purpose: string | null) =>
      audit.append({ action: 'code.check', outcome, actor: 'citizen', visitId: visit.id, details: { purpose, codeId } });

    if (!row || row.state !== 'active' || clock.now().getTime() > Date.parse(row.expires_at)) {
      const result: CodeCheck = row?.state === 'exhausted' ? { outcome: 'exhausted' } : { outcome: 'expired' };
      offThreadSync.commit(() => record(result.outcome, row?.purpose ?? null));
      return result;
    }
    const matches = await codeMatches(code, row.salt, row.code_hash);
    return offThreadSync.commit((): CodeCheck => {
      // Read again inside the write lock: two entries racing must not both spend the same try.
      const current = this.find.get(codeId, visit.id);
      if (!current || current.state !== 'active') {
        record(current?.state === 'exhausted' ? 'exhausted' : 'expired', row.purpose);
        return current?.state === 'exhausted' ? { outcome: 'exhausted' } : { outcome: 'expired' };
      }
      if (matches) {
        this.setState.run('used', codeId);
        record('ok', current.purpose);
        return { outcome: 'ok', purpose: current.purpose, maskedPhone: current.masked_phone };
      }
      const triesLeft = current.tries_left - 1;
      this.spendTry.run(triesLeft > 0 ? 'active' : 'exhausted', codeId);
      record(triesLeft > 0 ? 'wrong' : 'exhausted', current.purpose);
      return triesLeft > 0 ? { outcome: 'wrong', triesLeft } : { outcome: 'exhausted' };
    }, 'immediate');
  }
}

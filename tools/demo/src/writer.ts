/**
 * Inserts demo dossiers with raw prepared statements: drizzle's query builder costs too much per
 * row for 100 000 dossiers (≈ 3 million rows). Column names follow schema.ts.
 */

import { schema } from '@em/db';
import { TEMPLATE_VERSION } from '@em/mail';
import type Database from 'better-sqlite3';
import { DEMO_DELIVERY_ERROR } from './emails.js';
import type { DossierRecord, EventRecord } from './history.js';
import { searchTextOf } from './people.js';

const SECOND = 1000;

function prepareStatements(sqlite: Database.Database) {
  return {
    applicant: sqlite.prepare('INSERT INTO applicants (email, password_hash, must_reset_password, created_at) VALUES (?, ?, 0, ?)'),
    dossier: sqlite.prepare(`INSERT INTO dossiers (
        numero, status, prefecture_code, applicant_id, assignee_id, last_saved_step, deposited_at, deadline_at, completed_at, closed_at,
        birth_name, usage_name, first_names, sex, birth_day, birth_month, birth_year, birth_country, birth_place, nationalities,
        address_number, address_street, address_complement, postal_code, city, country, insee_code, email, phone,
        entry_date, family_situation, union_date, union_country, dependent_children, attest_no_polygamy, attest_penalties,
        ephoto, observations, search_text, created_at, closure_reason, implicit_decision_at
      ) VALUES (${Array(42).fill('?').join(', ')})`),
    piece: sqlite.prepare(
      'INSERT INTO pieces (dossier_id, code, review_status, review_message, reviewed_by_id, reviewed_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    request: sqlite.prepare(`INSERT INTO complement_requests
        (dossier_id, requested_by_id, sent_at, deadline_at, requested_pieces, reminder_sent_at, answered_at, answered_late)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    file: sqlite.prepare(`INSERT INTO files
        (piece_id, sha256, size, detected_type, original_name, uploaded_by_applicant_id, uploaded_at, complement_request_id, late)
        VALUES (?, unhex(?), ?, ?, ?, ?, ?, ?, ?)`),
    event: sqlite.prepare(`INSERT INTO events (at, actor_type, actor_id, actor_role, actor_label, action, dossier_id, before, after, reason)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    email: sqlite.prepare(`INSERT INTO outbox_emails
        (dossier_id, template, "to", subject, text, html, data, template_version, status, attempts, last_error, next_attempt_at, created_at, sent_at)
        VALUES (?, ?, ?, ?, '', '', ?, ?, ?, ?, ?, ?, ?, ?)`),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

/** Which form steps the record has filled: 2 = état civil, adresse, contact; 3 = motif; 4 = justificatifs. */
function dossierValues(r: DossierRecord, applicantId: number): unknown[] {
  const t = r.timeline;
  const p = r.person;
  const deposited = t.depositedAt !== null;
  const step = deposited ? 5 : t.lastSavedStep;
  const has = (minStep: number) => deposited || step >= minStep;
  // The deadline stays on a dossier closed as incomplete (as the API leaves it); answering or completing clears it.
  // It runs only once the request's e-mail was delivered.
  const pendingRound = t.status === 'complement_demande' || t.status === 'cloturee_incomplete' ? r.rounds[r.rounds.length - 1] : undefined;
  const runningDeadline = pendingRound?.delivered ? pendingRound.deadlineAt : null;
  const bool = (value: boolean) => (value ? 1 : 0);
  return [
    r.numero,
    t.status,
    has(2) ? t.prefectureCode : null,
    applicantId,
    r.assignee?.id ?? null,
    step,
    t.depositedAt,
    runningDeadline,
    t.completedAt,
    t.closedAt,
    has(2) ? p.birthName : '',
    has(2) ? p.usageName : '',
    JSON.stringify(has(2) ? p.firstNames : []),
    has(2) ? p.sex : null,
    has(2) ? p.birthDay : null,
    has(2) ? p.birthMonth : null,
    has(2) ? p.birthYear : null,
    has(2) ? p.birthCountry : '',
    has(2) ? p.birthPlace : '',
    JSON.stringify(has(2) ? p.nationalities : []),
    has(2) ? p.addressNumber : '',
    has(2) ? p.addressStreet : '',
    has(2) ? p.addressComplement : '',
    has(2) ? p.postalCode : '',
    has(2) ? p.city : '',
    'France',
    has(2) ? p.inseeCode : '',
    has(2) ? p.email : '',
    has(2) ? p.phone : '',
    has(3) ? p.entryDate : null,
    has(3) ? p.familySituation : null,
    has(3) ? p.unionDate : null,
    has(3) ? p.unionCountry : null,
    has(3) ? bool(p.dependentChildren) : null,
    bool(has(3)),
    bool(has(3)),
    has(4) ? p.ephoto : null,
    deposited ? p.observations : '',
    has(2) ? searchTextOf(p, r.numero) : '',
    t.createdAt,
    r.closureReason,
    r.implicitDecisionAt,
  ];
}

function eventValues(e: EventRecord, dossierId: number, applicantId: number): unknown[] {
  // Same actor columns as the API's recordEvent.
  const actor =
    e.actor.type === 'staff'
      ? ['staff', e.actor.staff.id, e.actor.staff.role, e.actor.staff.fullName]
      : e.actor.type === 'applicant'
        ? ['applicant', applicantId, 'usager', 'Usager']
        : ['system', null, 'systeme', 'Système'];
  return [e.at, ...actor, e.action, dossierId, e.before, e.after, e.reason];
}

export class DemoWriter {
  private readonly statements: Statements;
  readonly insertBatch: (records: readonly DossierRecord[], passwordHash: string) => void;

  constructor(sqlite: Database.Database) {
    this.statements = prepareStatements(sqlite);
    this.insertBatch = sqlite.transaction((records: readonly DossierRecord[], passwordHash: string) => {
      for (const record of records) this.insertOne(record, passwordHash);
    });
  }

  /** One dossier with its applicant account; call inside a transaction (insertBatch does). */
  insertOne(r: DossierRecord, passwordHash: string): number {
    const s = this.statements;
    const t = r.timeline;
    const applicantId = Number(s.applicant.run(r.person.email, passwordHash, t.createdAt).lastInsertRowid);
    const dossierId = Number(s.dossier.run(...dossierValues(r, applicantId)).lastInsertRowid);

    const requestIds = r.rounds.map((round) =>
      Number(
        s.request.run(
          dossierId,
          round.requestedBy.id,
          round.sentAt,
          round.deadlineAt,
          JSON.stringify(round.requestedPieces),
          round.reminderSentAt,
          round.answeredAt,
          round.answeredLate ? 1 : 0,
        ).lastInsertRowid,
      ),
    );

    for (const piece of r.pieces) {
      const pieceId = Number(
        s.piece.run(
          dossierId,
          schema.STORED_PIECE_CODES[piece.code],
          piece.reviewStatus,
          piece.reviewMessage,
          piece.reviewedBy?.id ?? null,
          piece.reviewedAt,
        ).lastInsertRowid,
      );
      for (const f of piece.files) {
        const requestId = f.roundIndex === null ? null : requestIds[f.roundIndex]!;
        s.file.run(pieceId, f.sha256, f.size, f.detectedType, f.originalName, applicantId, f.uploadedAt, requestId, f.late ? 1 : 0);
      }
    }

    for (const e of r.events) s.event.run(...eventValues(e, dossierId, applicantId));
    for (const m of r.emails) {
      // As the dispatcher leaves them: accepted two seconds later, or refused after its six attempts.
      const delivery = m.failed ? ['failed', 6, DEMO_DELIVERY_ERROR, null] : ['sent', 1, null, m.at + 2 * SECOND];
      const [status, attempts, lastError, sentAt] = delivery;
      s.email.run(
        dossierId,
        m.template,
        r.person.email,
        m.subject,
        m.data,
        TEMPLATE_VERSION,
        status,
        attempts,
        lastError,
        m.at,
        m.at,
        sentAt,
      );
    }
    return dossierId;
  }
}

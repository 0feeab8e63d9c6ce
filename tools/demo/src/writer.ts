/**
 * Inserts demo dossiers with raw prepared statements: drizzle's query builder costs too much per
 * row for 100 000 dossiers (≈ 3 million rows). Column names follow schema.ts.
 * appendRows turns a dossier into its rows, ids included, wherever it runs (the generator thread);
 * DemoWriter only runs the statements. Rows are plain arrays: a batch of 1 000 dossiers crosses
 * between threads as 3.3 MB (4.8 MB as records) and is read back in about half the time.
 */

import { STORED_ACTOR_ROLES, STORED_EVENT_ACTIONS, schema, storedEventState, storedRequestedPieces } from '@em/db';
import { TEMPLATE_VERSION } from '@em/mail';
import type Database from 'better-sqlite3';
import { DEMO_DELIVERY_ERROR } from './emails.js';
import type { DossierRecord, EventRecord } from './history.js';
import { searchTextOf } from './people.js';

const SECOND = 1000;

/** The rows of a batch of dossiers, table by table, each row its statement's parameters: what the generator thread sends. */
export type TableRows = {
  applicants: unknown[][];
  dossiers: unknown[][];
  requests: unknown[][];
  pieces: unknown[][];
  files: unknown[][];
  events: unknown[][];
  emails: unknown[][];
};

/** The ids the next dossier's rows take, numbered by whoever builds the rows so that no insert has to return one. */
export type NextIds = { applicant: number; dossier: number; request: number; piece: number };

export const emptyRows = (): TableRows => ({ applicants: [], dossiers: [], requests: [], pieces: [], files: [], events: [], emails: [] });

/**
 * Rows per INSERT: a statement run per row costs ~3.5 µs a row at a million, most of it per run
 * rather than per value; 32 rows in one VALUES list, ~2 µs (200,000 dossiers replayed: 25.6 → 19.9 s).
 */
const ROWS_PER_INSERT = 32;

/**
 * Inserts rows of `tuple`'s parameters, ROWS_PER_INSERT at a time then one by one; `named` binds the
 * named parameters every tuple shares.
 */
function bulkInsert(sqlite: Database.Database, head: string, tuple: string) {
  const one = sqlite.prepare(`${head} VALUES ${tuple}`);
  const many = sqlite.prepare(`${head} VALUES ${Array(ROWS_PER_INSERT).fill(tuple).join(', ')}`);
  return (rows: unknown[][], ...named: Record<string, unknown>[]) => {
    let at = 0;
    for (; at + ROWS_PER_INSERT <= rows.length; at += ROWS_PER_INSERT) many.run(...named, ...rows.slice(at, at + ROWS_PER_INSERT));
    for (; at < rows.length; at++) one.run(...named, rows[at]);
  };
}

const placeholders = (count: number) => `(${Array(count).fill('?').join(', ')})`;

function prepareStatements(sqlite: Database.Database) {
  return {
    applicants: bulkInsert(
      sqlite,
      'INSERT INTO applicants (id, email, password_hash, must_reset_password, created_at)',
      '(?, ?, @passwordHash, 0, ?)',
    ),
    dossiers: bulkInsert(
      sqlite,
      `INSERT INTO dossiers (
        id, numero, status, prefecture_code, applicant_id, assignee_id, last_saved_step, deposited_at, deadline_at, completed_at, closed_at,
        birth_name, usage_name, first_names, sex, birth_day, birth_month, birth_year, birth_country, birth_place, nationalities,
        address_number, address_street, address_complement, postal_code, city, country, insee_code, email, phone,
        entry_date, family_situation, union_date, union_country, dependent_children, attest_no_polygamy, attest_penalties,
        ephoto, observations, search_text, created_at, closure_reason, implicit_decision_at, request_email_status, last_answered_at
      )`,
      placeholders(45),
    ),
    requests: bulkInsert(
      sqlite,
      `INSERT INTO complement_requests
        (id, dossier_id, requested_by_id, sent_at, deadline_at, requested_pieces, reminder_sent_at, answered_at, answered_late)`,
      placeholders(9),
    ),
    pieces: bulkInsert(
      sqlite,
      'INSERT INTO pieces (id, dossier_id, code, review_status, review_message, reviewed_by_id, reviewed_at)',
      placeholders(7),
    ),
    files: bulkInsert(
      sqlite,
      `INSERT INTO files
        (piece_id, sha256, size, detected_type, original_name, uploaded_by_applicant_id, uploaded_at, complement_request_id, late)`,
      '(?, unhex(?), ?, ?, ?, ?, ?, ?, ?)',
    ),
    events: bulkInsert(
      sqlite,
      'INSERT INTO events (at, actor_id, actor_role, actor_label_id, action, dossier_id, before, after, piece, reason)',
      '(?, ?, ?, (SELECT id FROM actor_labels WHERE label = ?), ?, ?, ?, ?, ?, ?)',
    ),
    actorLabel: sqlite.prepare('INSERT INTO actor_labels (label) VALUES (?) ON CONFLICT DO NOTHING'),
    emails: bulkInsert(
      sqlite,
      `INSERT INTO outbox_emails
        (dossier_id, template, "to", subject, text, html, data, template_version, status, attempts, last_error, next_attempt_at, created_at, sent_at)`,
      "(?, ?, ?, '', '', '', ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
  };
}

const bool = (value: boolean) => (value ? 1 : 0);
const storedState = (value: string | null) => (value === null ? null : storedEventState(value));

/** Which form steps the record has filled: 2 = état civil, adresse, contact; 3 = motif; 4 = justificatifs. */
function dossierValues(r: DossierRecord, dossierId: number, applicantId: number): unknown[] {
  const t = r.timeline;
  const p = r.person;
  const deposited = t.depositedAt !== null;
  const step = deposited ? 5 : t.lastSavedStep;
  const has2 = deposited || step >= 2;
  const has3 = deposited || step >= 3;
  const has4 = deposited || step >= 4;
  // The deadline stays on a dossier closed as incomplete (as the API leaves it); answering or completing clears it.
  // It runs only once the request's e-mail was delivered.
  const pendingRound = t.status === 'complement_demande' || t.status === 'cloturee_incomplete' ? r.rounds[r.rounds.length - 1] : undefined;
  const runningDeadline = pendingRound?.delivered ? pendingRound.deadlineAt : null;
  return [
    dossierId,
    r.numero,
    t.status,
    has2 ? t.prefectureCode : null,
    applicantId,
    r.assignee?.id ?? null,
    step,
    t.depositedAt,
    runningDeadline,
    t.completedAt,
    t.closedAt,
    has2 ? p.birthName : '',
    has2 ? p.usageName : '',
    JSON.stringify(has2 ? p.firstNames : []),
    has2 ? p.sex : null,
    has2 ? p.birthDay : null,
    has2 ? p.birthMonth : null,
    has2 ? p.birthYear : null,
    has2 ? p.birthCountry : '',
    has2 ? p.birthPlace : '',
    JSON.stringify(has2 ? p.nationalities : []),
    has2 ? p.addressNumber : '',
    has2 ? p.addressStreet : '',
    has2 ? p.addressComplement : '',
    has2 ? p.postalCode : '',
    has2 ? p.city : '',
    'France',
    has2 ? p.inseeCode : '',
    has2 ? p.email : '',
    has2 ? p.phone : '',
    has3 ? p.entryDate : null,
    has3 ? p.familySituation : null,
    has3 ? p.unionDate : null,
    has3 ? p.unionCountry : null,
    has3 ? bool(p.dependentChildren) : null,
    bool(has3),
    bool(has3),
    has4 ? p.ephoto : null,
    deposited ? p.observations : '',
    has2 ? searchTextOf(p, r.numero) : '',
    t.createdAt,
    r.closureReason,
    r.implicitDecisionAt,
    // What the triggers on outbox_emails and complement_requests set (migrations 0010, 0012), written
    // with the row: set afterwards, the row would grow and split its page (a tenth of the table's room).
    requestEmailStatus(r),
    Math.max(0, ...r.rounds.map((round) => round.answeredAt ?? 0)) || null,
  ];
}

function requestEmailStatus(r: DossierRecord): 'sent' | 'failed' | null {
  const request = r.emails.findLast((m) => m.template === 'complement_request');
  return request ? (request.failed ? 'failed' : 'sent') : null;
}

/** The index of an event row's actor label, which the insert turns into its id of actor_labels. */
const EVENT_LABEL = 3;

/** An event's actor columns (id, role, label), as the API's recordEvent writes them. */
function actorColumns(actor: EventRecord['actor'], applicantId: number): [number | null, number, string] {
  if (actor.type === 'staff') return [actor.staff.id, STORED_ACTOR_ROLES[actor.staff.role], actor.staff.fullName];
  if (actor.type === 'applicant') return [applicantId, STORED_ACTOR_ROLES.usager, 'Usager'];
  return [null, STORED_ACTOR_ROLES.systeme, 'Système'];
}

function eventValues(e: EventRecord, dossierId: number, applicantId: number): unknown[] {
  // Words as their stored numbers (stored-codes.ts).
  const [actorId, role, label] = actorColumns(e.actor, applicantId);
  const piece = e.piece ? schema.STORED_PIECE_CODES[e.piece] : null;
  return [
    e.at,
    actorId,
    role,
    label,
    STORED_EVENT_ACTIONS[e.action],
    dossierId,
    storedState(e.before),
    storedState(e.after),
    piece,
    e.reason,
  ];
}

/** Appends the rows of one dossier and its applicant account to `rows`, numbered from `next`, which it advances. */
export function appendRows(rows: TableRows, r: DossierRecord, next: NextIds): void {
  const t = r.timeline;
  const applicantId = next.applicant++;
  const dossierId = next.dossier++;
  rows.applicants.push([applicantId, r.person.email, t.createdAt]);
  rows.dossiers.push(dossierValues(r, dossierId, applicantId));

  const requestIds = r.rounds.map((round) => {
    const requestId = next.request++;
    rows.requests.push([
      requestId,
      dossierId,
      round.requestedBy.id,
      round.sentAt,
      round.deadlineAt,
      storedRequestedPieces(round.requestedPieces),
      round.reminderSentAt,
      round.answeredAt,
      round.answeredLate ? 1 : 0,
    ]);
    return requestId;
  });

  for (const piece of r.pieces) {
    const pieceId = next.piece++;
    const { reviewStatus, reviewMessage, reviewedBy, reviewedAt } = piece;
    rows.pieces.push([
      pieceId,
      dossierId,
      schema.STORED_PIECE_CODES[piece.code],
      reviewStatus,
      reviewMessage,
      reviewedBy?.id ?? null,
      reviewedAt,
    ]);
    for (const f of piece.files) {
      const requestId = f.roundIndex === null ? null : requestIds[f.roundIndex]!;
      rows.files.push([
        pieceId,
        f.sha256,
        f.size,
        schema.STORED_FILE_TYPES[f.detectedType],
        f.originalName,
        applicantId,
        f.uploadedAt,
        requestId,
        f.late ? 1 : 0,
      ]);
    }
  }

  for (const e of r.events) rows.events.push(eventValues(e, dossierId, applicantId));
  for (const m of r.emails) {
    // As the dispatcher leaves them: accepted two seconds later, or refused after its six attempts.
    const delivery = m.failed ? ['failed', 6, DEMO_DELIVERY_ERROR, null] : ['sent', 1, null, m.at + 2 * SECOND];
    const [status, attempts, lastError, sentAt] = delivery;
    rows.emails.push([dossierId, m.template, r.person.email, m.data, TEMPLATE_VERSION, status, attempts, lastError, m.at, m.at, sentAt]);
  }
}

/** The tables whose ids appendRows numbers. */
const NUMBERED = { applicant: 'applicants', dossier: 'dossiers', request: 'complement_requests', piece: 'pieces' } as const;

export class DemoWriter {
  /** Inserts rows in the caller's transaction. */
  readonly insert: (rows: TableRows) => void;
  /** Inserts a batch's rows in a transaction of its own. */
  readonly insertBatch: (rows: TableRows) => void;

  /** `passwordHash`: the one every demo applicant account gets. */
  constructor(
    private readonly sqlite: Database.Database,
    passwordHash: string,
  ) {
    const s = prepareStatements(sqlite);
    this.insert = (rows) => {
      s.applicants(rows.applicants, { passwordHash });
      // The actors' labels, before the events that name them by id (as the API's recordEvent).
      for (const label of new Set(rows.events.map((event) => event[EVENT_LABEL] as string))) s.actorLabel.run(label);
      // Parents before children: the foreign keys are checked row by row.
      for (const table of ['dossiers', 'requests', 'pieces', 'files', 'events', 'emails'] as const) s[table](rows[table]);
    };
    this.insertBatch = sqlite.transaction(this.insert);
  }

  /** The ids the next rows take, as AUTOINCREMENT would give them. */
  nextIds(): NextIds {
    const next = (table: string) =>
      this.sqlite
        .prepare(
          `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), coalesce((SELECT max(id) FROM ${table}), 0)) + 1`,
        )
        .pluck()
        .get(table) as number;
    return {
      applicant: next(NUMBERED.applicant),
      dossier: next(NUMBERED.dossier),
      request: next(NUMBERED.request),
      piece: next(NUMBERED.piece),
    };
  }
}

/**
 * Turns a dossier's timeline into what the application would have written along the way:
 * pieces and their files, review statuses, complement requests, audit events and e-mails.
 * Pure data; demo-writer.ts inserts it.
 */
import {
  closureReason,
  type EventAction,
  formatParisDate,
  implicitDecisionOf,
  PIECE_CATALOGUE,
  type PieceCode,
  type RequestedPiece,
  type ReviewStatus,
  type Status,
} from '@em/domain';
import { type DocumentShelf, type FilePieceCode, type Holder, makeHolder, type StoredDocument } from './documents.js';
import type { DemoEmail, DemoEmails } from './emails.js';
import type { Person } from './people.js';
import { DAY_MS, MINUTE_MS, Rng } from './random.js';

const SECOND = 1000;

import { flagFor, pickFlaggedCodes } from './reviews.js';
import type { Round, Timeline } from './timeline.js';

export type StaffRef = { id: number; fullName: string; role: 'agent' | 'superviseur' | 'admin' };
export type PrefectureStaff = { agent: StaffRef; superviseur: StaffRef };

export type FileRecord = StoredDocument & { uploadedAt: number; roundIndex: number | null; late: boolean };
export type PieceRecord = {
  code: PieceCode;
  reviewStatus: ReviewStatus;
  reviewMessage: string;
  reviewedBy: StaffRef | null;
  reviewedAt: number | null;
  files: FileRecord[];
};
export type RoundRecord = Round & { requestedBy: StaffRef; requestedPieces: RequestedPiece[] };
export type Actor = { type: 'staff'; staff: StaffRef } | { type: 'applicant' } | { type: 'system' };
/** `piece`: the piece the event is about, its code then left out of the reason (as the API's recordEvent). */
export type EventRecord = {
  at: number;
  actor: Actor;
  action: EventAction;
  before: string | null;
  after: string | null;
  reason: string;
  piece?: PieceCode;
};
/** `failed`: the provider refused it after every attempt (the demo's undelivered request). */
export type EmailRecord = DemoEmail & { at: number; failed?: boolean };

export type DossierRecord = {
  timeline: Timeline;
  person: Person;
  numero: string | null;
  assignee: StaffRef | null;
  /** As the API writes them: the reason of a closure, and the implicit-decision date. */
  closureReason: string;
  implicitDecisionAt: number | null;
  pieces: PieceRecord[];
  rounds: RoundRecord[];
  events: EventRecord[];
  emails: EmailRecord[];
};

/** One shape for every file record (a spread of the document made a new one each time). */
const fileRecord = (doc: StoredDocument, uploadedAt: number, roundIndex: number | null, late: boolean): FileRecord => ({
  sha256: doc.sha256,
  size: doc.size,
  detectedType: doc.detectedType,
  originalName: doc.originalName,
  uploadedAt,
  roundIndex,
  late,
});

const FILE_PIECES = PIECE_CATALOGUE.filter((p) => p.kind === 'files').map((p) => p.code as FilePieceCode);

/** Whom the applicant's papers name: as declared, birth name in capitals. */
export function holderOf(person: Person): Holder {
  return makeHolder(`${person.firstNames.join(' ')} ${person.birthName.toUpperCase()}`, person.nationalities[0] ?? '', person.birthCountry);
}

class HistoryBuilder {
  readonly events: EventRecord[] = [];
  readonly emails: EmailRecord[] = [];
  readonly pieces: PieceRecord[];
  private readonly holder: Holder;

  constructor(
    private readonly rng: Rng,
    private readonly shelf: DocumentShelf,
    private readonly person: Person,
    private readonly numero: string,
    private readonly mail: DemoEmails,
  ) {
    this.holder = holderOf(person);
    this.pieces = PIECE_CATALOGUE.map((p) => ({
      code: p.code,
      reviewStatus: 'a_verifier',
      reviewMessage: '',
      reviewedBy: null,
      reviewedAt: null,
      files: [],
    }));
  }

  piece(code: PieceCode): PieceRecord {
    return this.pieces.find((p) => p.code === code)!;
  }

  /** The applicant's uploads while filling the form, between `from` and `to`. */
  uploadOriginals(from: number, to: number, codes: readonly FilePieceCode[]): void {
    const span = Math.max(0, to - from);
    for (const code of codes) {
      const { files } = this.piece(code);
      for (const doc of this.shelf.originals(this.holder, code)) {
        files.push(fileRecord(doc, from + Math.floor(this.rng.next() * span), null, false));
      }
      files.sort((a, b) => a.uploadedAt - b.uploadedAt);
    }
  }

  event(at: number, actor: Actor, action: EventAction, before: string | null, after: string | null, reason = '', piece?: PieceCode): void {
    this.events.push(piece ? { at, actor, action, before, after, reason, piece } : { at, actor, action, before, after, reason });
  }

  email(at: number, email: DemoEmail, failed = false): void {
    this.emails.push({ template: email.template, data: email.data, at, failed });
  }

  review(piece: PieceRecord, status: ReviewStatus, message: string, at: number, by: StaffRef): void {
    const before = piece.reviewStatus;
    Object.assign(piece, { reviewStatus: status, reviewMessage: message, reviewedBy: by, reviewedAt: at });
    this.event(at, { type: 'staff', staff: by }, 'review_piece', before, status, message, piece.code);
  }

  /** Reviews `decisions` in order, a few minutes apart, ending just before `until`. */
  reviewBefore(
    until: number,
    after: number,
    decisions: readonly { piece: PieceRecord; status: ReviewStatus; message: string }[],
    by: StaffRef,
  ): void {
    const step = Math.min(4 * MINUTE_MS, Math.floor((until - after) / (decisions.length + 1)));
    for (const [i, d] of decisions.entries()) this.review(d.piece, d.status, d.message, until - (decisions.length - i) * step, by);
  }

  /** Every piece not yet conforme is declared conforme before `until`. */
  approveRemaining(until: number, after: number, by: StaffRef): void {
    const pending = this.pieces.filter((p) => p.reviewStatus !== 'conforme');
    this.reviewBefore(
      until,
      after,
      pending.map((piece) => ({ piece, status: 'conforme', message: '' })),
      by,
    );
  }

  requestRound(round: Round, index: number, previous: RequestedPiece[] | null, reviewFrom: number, by: StaffRef): RoundRecord {
    const codes = previous
      ? this.rng.sample(
          previous.map((p) => p.code),
          1,
        )
      : pickFlaggedCodes(this.rng);
    const flagged = codes.map((code) => ({ code, ...flagFor(this.rng, code) }));
    // Everything still to check (all pieces on a first round, the answered ones later) is conforme unless flagged.
    const approved = this.pieces.filter((p) => p.reviewStatus === 'a_verifier' && !codes.includes(p.code));
    const decisions = [
      ...flagged.map((f) => ({ piece: this.piece(f.code), status: f.reviewStatus, message: f.message })),
      ...approved.map((piece) => ({ piece, status: 'conforme' as const, message: '' })),
    ];
    this.reviewBefore(round.sentAt, reviewFrom, decisions, by);
    // Reasons are worded as the API words them (apps/api dossiers/actions and deadlines).
    const deadline = new Date(round.deadlineAt);
    const reason = `${codes.join(', ')} — échéance le ${formatParisDate(deadline)} si le courriel part aujourd’hui`;
    this.event(
      round.sentAt,
      { type: 'staff', staff: by },
      'request_complement',
      index === 0 ? 'en_examen' : 'complement_recu',
      'complement_demande',
      reason,
    );
    this.email(round.sentAt, this.mail.complementRequest(this.person, this.numero, flagged, deadline), !round.delivered);
    if (round.delivered) {
      const started = `Courriel de demande envoyé le ${formatParisDate(new Date(round.sentAt))} — échéance le ${formatParisDate(deadline)}`;
      this.event(round.sentAt + 2 * SECOND, { type: 'system' }, 'deadline_started', null, null, started);
    }
    if (round.reminderSentAt !== null) {
      this.event(round.reminderSentAt, { type: 'system' }, 'reminder', null, null, `Échéance le ${formatParisDate(deadline)}`);
      this.email(round.reminderSentAt, this.mail.reminder(this.person, this.numero, flagged, deadline));
    }
    if (round.answeredAt !== null) this.answerRound(round, index, flagged);
    return { ...round, requestedBy: by, requestedPieces: flagged };
  }

  private answerRound(round: Round, index: number, flagged: readonly RequestedPiece[]): void {
    const answeredAt = round.answeredAt!;
    for (const f of flagged) {
      const piece = this.piece(f.code);
      const known = new Set(piece.files.map((file) => file.sha256));
      const doc = this.shelf.replacement(this.holder, f.code as FilePieceCode, known);
      const uploadedAt = answeredAt - this.rng.int(1, 20) * MINUTE_MS;
      piece.files.push(fileRecord(doc, uploadedAt, index, round.answeredLate));
      this.event(
        uploadedAt,
        { type: 'applicant' },
        'add_file',
        null,
        null,
        `${doc.originalName}${round.answeredLate ? ' (hors délai)' : ''}`,
        f.code,
      );
      Object.assign(piece, { reviewStatus: 'a_verifier', reviewMessage: '', reviewedBy: null, reviewedAt: null });
    }
    const codes = flagged.map((f) => f.code);
    const late = round.answeredLate ? ` — hors délai (échéance le ${formatParisDate(new Date(round.deadlineAt))})` : '';
    this.event(
      answeredAt,
      { type: 'applicant' },
      'submit_complements',
      'complement_demande',
      'complement_recu',
      `${codes.join(', ')}${late}`,
    );
    this.email(answeredAt, this.mail.complementsReceived(this.person, this.numero, codes, new Date(answeredAt), round.answeredLate));
  }
}

/** The whole recorded history of one deposited (or draft) dossier. */
export function buildHistory(
  t: Timeline,
  person: Person,
  numero: string | null,
  staff: PrefectureStaff,
  shelf: DocumentShelf,
  mail: DemoEmails,
  now: Date,
): DossierRecord {
  const rng = new Rng('history', t.index);
  const h = new HistoryBuilder(rng, shelf, person, numero ?? '', mail);
  const record: DossierRecord = {
    timeline: t,
    person,
    numero,
    assignee: null,
    closureReason: '',
    implicitDecisionAt: null,
    pieces: [],
    rounds: [],
    events: [],
    emails: [],
  };
  const status: Status = t.status;

  if (t.depositedAt === null) {
    // Drafts: the justificatifs step (4) was reached, some files are already there.
    const end = t.abandonedAt ?? now.getTime();
    if (t.lastSavedStep >= 4) {
      h.uploadOriginals(t.createdAt, end, rng.sample(FILE_PIECES, rng.int(1, FILE_PIECES.length)));
      record.pieces = h.pieces;
    }
    if (t.abandonedAt !== null) h.event(t.abandonedAt, { type: 'applicant' }, 'abandon', 'brouillon', 'abandonnee');
    return { ...record, events: h.events };
  }

  h.uploadOriginals(t.createdAt, t.depositedAt - 5 * MINUTE_MS, FILE_PIECES);
  h.event(t.depositedAt, { type: 'applicant' }, 'deposit', 'brouillon', 'deposee');
  h.email(t.depositedAt, mail.deposit(person, numero!, new Date(t.depositedAt)));

  const agent = staff.agent;
  if (t.takenAt !== null) {
    record.assignee = agent;
    h.event(t.takenAt, { type: 'staff', staff: agent }, 'take', 'deposee', 'en_examen');
  }

  let reviewFrom = t.takenAt ?? t.depositedAt;
  let previous: RequestedPiece[] | null = null;
  for (const [index, round] of t.rounds.entries()) {
    const recorded = h.requestRound(round, index, previous, reviewFrom, agent);
    record.rounds.push(recorded);
    previous = recorded.requestedPieces;
    reviewFrom = round.answeredAt ?? round.sentAt;
  }

  if (status === 'en_examen') {
    // Review in progress: the first pieces of the list already looked at.
    const reviewed = h.pieces.slice(0, rng.int(0, h.pieces.length - 1));
    const until = Math.min(t.takenAt! + DAY_MS, now.getTime() - MINUTE_MS);
    h.reviewBefore(
      until,
      t.takenAt!,
      reviewed.map((piece) => ({ piece, status: 'conforme', message: '' })),
      agent,
    );
  } else if (status === 'complete') {
    h.approveRemaining(t.completedAt!, reviewFrom, agent);
    h.event(t.completedAt!, { type: 'staff', staff: agent }, 'complete', t.rounds.length ? 'complement_recu' : 'en_examen', 'complete');
    h.email(t.completedAt!, mail.complete(person, numero!, new Date(t.completedAt!)));
  } else if (status === 'cloturee_incomplete') {
    const closer = staff.superviseur;
    const last = record.rounds[record.rounds.length - 1]!;
    const reason = `Pièces jamais reçues : ${last.requestedPieces.map((p) => p.code).join(', ')}`;
    h.event(t.closedAt!, { type: 'staff', staff: closer }, 'close_incomplete', 'complement_demande', 'cloturee_incomplete', reason);
    h.email(t.closedAt!, mail.closure(person, numero!, last.requestedPieces, new Date(t.closedAt!)));
    record.closureReason = closureReason(last.requestedPieces.map((p) => p.code));
  }
  const suspensions = t.rounds.map((round) => ({
    from: new Date(round.sentAt),
    to: round.answeredAt === null ? null : new Date(round.answeredAt),
  }));
  record.implicitDecisionAt = implicitDecisionOf(status, new Date(t.depositedAt), suspensions)?.getTime() ?? null;

  h.events.sort((a, b) => a.at - b.at);
  h.emails.sort((a, b) => a.at - b.at);
  return { ...record, pieces: h.pieces, events: h.events, emails: h.emails };
}

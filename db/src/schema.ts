import {
  type AcceptedMime,
  EMAIL_STATUSES,
  EMAIL_TEMPLATES,
  FAMILY_SITUATIONS,
  RECEIPT_CHANNELS,
  REVIEW_STATUSES,
  SEXES,
  STAFF_ROLES,
  STATUSES,
  STORED_PIECE_CODES,
} from '@em/domain';
import { sql } from 'drizzle-orm';
import { customType, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { eventState, requestedPiecesColumn, STORED_ACTOR_ROLES, STORED_EVENT_ACTIONS, storedAs } from './stored-codes.js';

export { STORED_PIECE_CODES };

/**
 * A content's SHA-256, as its 32 bytes (half the room of its hexadecimal text on millions of rows);
 * the application reads and writes it as lower-case hexadecimal, the file store's content name.
 * Raw SQL converts with unhex() and lower(hex()).
 */
const sha256Bytes = customType<{ data: string; driverData: Buffer; notNull: true }>({
  dataType: () => 'blob',
  toDriver: (hex) => Buffer.from(hex, 'hex'),
  fromDriver: (bytes) => Buffer.from(bytes).toString('hex'),
});

/**
 * A file's detected type as stored: its usual extension instead of its MIME type (migration 0016),
 * 12 bytes less on millions of rows. Fixed for good: stored rows keep them.
 */
export const STORED_FILE_TYPES: Readonly<Record<AcceptedMime, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/bmp': 'bmp',
  'image/tiff': 'tiff',
};

const storedPieceCode = storedAs('piece code', 'text', STORED_PIECE_CODES);
const storedFileType = storedAs('file type', 'text', STORED_FILE_TYPES);

const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

export const prefectures = sqliteTable('prefectures', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  autoCloseExpired: integer('auto_close_expired', { mode: 'boolean' }).notNull().default(false),
  nextNumeroSequence: integer('next_numero_sequence').notNull().default(1),
});

export const staffUsers = sqliteTable('staff_users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: STAFF_ROLES }).notNull(),
  prefectureCode: text('prefecture_code').references(() => prefectures.code),
  fullName: text('full_name').notNull(),
  /** Set by an admin: the account can no longer log in, and its sessions were deleted at that moment. */
  deactivatedAt: integer('deactivated_at', { mode: 'timestamp_ms' }),
  /** A provisional password set by an admin: the person must choose their own before anything else. */
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
});

export const applicants = sqliteTable('applicants', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  mustResetPassword: integer('must_reset_password', { mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
});

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the token, hex: the token itself is never stored (Lucia guide). */
    id: text('id').primaryKey(),
    staffUserId: integer('staff_user_id').references(() => staffUsers.id, { onDelete: 'cascade' }),
    applicantId: integer('applicant_id').references(() => applicants.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_expires_idx').on(t.expiresAt)],
);

/** « Mot de passe oublié ? »: single-use links; only the SHA-256 of the token is stored. */
export const passwordResetTokens = sqliteTable(
  'password_reset_tokens',
  {
    id: text('id').primaryKey(),
    applicantId: integer('applicant_id')
      .notNull()
      .references(() => applicants.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('password_reset_tokens_applicant_idx').on(t.applicantId, t.createdAt)],
);

/** One row per failed login attempt, kept a day: the throttle counts them by account, address and both. */
export const failedLogins = sqliteTable(
  'failed_logins',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The e-mail tried, prefixed by its audience ("usager:…" for applicants). */
    account: text('account').notNull(),
    /** The client's address. */
    address: text('address').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('failed_logins_account_at_idx').on(t.account, t.at), index('failed_logins_address_at_idx').on(t.address, t.at)],
);

export const dossiers = sqliteTable(
  'dossiers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    numero: text('numero').unique(),
    status: text('status', { enum: STATUSES }).notNull().default('brouillon'),
    prefectureCode: text('prefecture_code').references(() => prefectures.code),
    applicantId: integer('applicant_id')
      .notNull()
      .references(() => applicants.id),
    assigneeId: integer('assignee_id').references(() => staffUsers.id),
    lastSavedStep: integer('last_saved_step').notNull().default(0),
    depositedAt: integer('deposited_at', { mode: 'timestamp_ms' }),
    /** Deadline of the complement request in progress, if any. */
    deadlineAt: integer('deadline_at', { mode: 'timestamp_ms' }),
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    /** Why it was closed, as the agent, the supervisor or the job wrote it; shown to the applicant too. */
    closureReason: text('closure_reason').notNull().default(''),
    /**
     * CESEDA R432-1/R432-2: four months of silence from the deposit, suspended while pieces are awaited
     * (CRPA L114-5); null while suspended or once closed. Kept up to date by the writes that change it.
     */
    implicitDecisionAt: integer('implicit_decision_at', { mode: 'timestamp_ms' }),
    /** When the applicant last answered a complement request; kept by triggers on complement_requests (migration 0010). */
    lastAnsweredAt: integer('last_answered_at', { mode: 'timestamp_ms' }),
    /** Delivery state of the latest complement request e-mail (null: none); kept by triggers on outbox_emails (migration 0010). */
    requestEmailStatus: text('request_email_status', { enum: EMAIL_STATUSES }),
    // État civil
    birthName: text('birth_name').notNull().default(''),
    usageName: text('usage_name').notNull().default(''),
    firstNames: text('first_names', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    sex: text('sex', { enum: SEXES }),
    birthDay: integer('birth_day'),
    birthMonth: integer('birth_month'),
    birthYear: integer('birth_year'),
    birthCountry: text('birth_country').notNull().default(''),
    birthPlace: text('birth_place').notNull().default(''),
    nationalities: text('nationalities', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    // Adresse
    addressNumber: text('address_number').notNull().default(''),
    addressStreet: text('address_street').notNull().default(''),
    addressComplement: text('address_complement').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    city: text('city').notNull().default(''),
    country: text('country').notNull().default('France'),
    inseeCode: text('insee_code').notNull().default(''),
    // Contact
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    // Motif
    entryDate: text('entry_date'),
    familySituation: text('family_situation', { enum: FAMILY_SITUATIONS }),
    unionDate: text('union_date'),
    unionCountry: text('union_country'),
    dependentChildren: integer('dependent_children', { mode: 'boolean' }),
    attestNoPolygamy: integer('attest_no_polygamy', { mode: 'boolean' }).notNull().default(false),
    attestPenalties: integer('attest_penalties', { mode: 'boolean' }).notNull().default(false),
    ephoto: text('ephoto'),
    observations: text('observations').notNull().default(''),
    /** SHA-256 of the receipt PDF in the file store, made in the deposit transaction. */
    receiptSha256: text('receipt_sha256'),
    /** Lower-cased names and numéro, for the search box. */
    searchText: text('search_text').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('dossiers_scope_status_idx').on(t.prefectureCode, t.status, t.depositedAt),
    index('dossiers_scope_status_deadline_idx').on(t.prefectureCode, t.status, t.deadlineAt, t.requestEmailStatus),
    index('dossiers_assignee_idx').on(t.assigneeId),
    index('dossiers_scope_implicit_decision_idx').on(t.prefectureCode, t.implicitDecisionAt, t.status),
    index('dossiers_scope_status_answered_idx').on(t.prefectureCode, t.status, t.lastAnsweredAt),
    // With the status, the scope's condition: the weekly statistics count from the index alone.
    index('dossiers_scope_deposited_idx').on(t.prefectureCode, t.depositedAt, t.status),
    index('dossiers_scope_closed_idx').on(t.prefectureCode, t.closedAt, t.status).where(sql`${t.closedAt} IS NOT NULL`),
    index('dossiers_scope_completed_idx')
      .on(t.prefectureCode, t.completedAt, t.status, t.depositedAt)
      .where(sql`${t.completedAt} IS NOT NULL`),
    index('dossiers_scope_name_idx').on(t.prefectureCode, t.birthName),
    index('dossiers_applicant_idx').on(t.applicantId),
    // Is this content still a receipt? (the file store's cleanup): 16 hex digits index as well as 64, in a quarter of the room.
    index('dossiers_receipt_prefix_idx').on(sql`substr(${t.receiptSha256}, 1, 16)`).where(sql`${t.receiptSha256} IS NOT NULL`),
  ],
);

export const pieces = sqliteTable(
  'pieces',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    code: storedPieceCode('code').notNull(),
    reviewStatus: text('review_status', { enum: REVIEW_STATUSES }).notNull().default('a_verifier'),
    reviewMessage: text('review_message').notNull().default(''),
    reviewedById: integer('reviewed_by_id').references(() => staffUsers.id),
    reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('pieces_dossier_code_idx').on(t.dossierId, t.code)],
);

export const files = sqliteTable(
  'files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pieceId: integer('piece_id')
      .notNull()
      .references(() => pieces.id),
    sha256: sha256Bytes('sha256').notNull(),
    size: integer('size').notNull(),
    detectedType: storedFileType('detected_type').notNull(),
    originalName: text('original_name').notNull(),
    uploadedByApplicantId: integer('uploaded_by_applicant_id').references(() => applicants.id),
    uploadedByStaffId: integer('uploaded_by_staff_id').references(() => staffUsers.id),
    uploadedAt: integer('uploaded_at', { mode: 'timestamp_ms' }).notNull(),
    /** Sent in answer to this complement request (null: with the deposit). */
    complementRequestId: integer('complement_request_id').references(() => complementRequests.id),
    /** Deposited after the complement deadline, before closure. */
    late: integer('late', { mode: 'boolean' }).notNull().default(false),
    /** Handed in at the counter or sent by post, and attached by an agent (null: uploaded online by the applicant). */
    receivedVia: text('received_via', { enum: RECEIPT_CHANNELS }),
    /** The Paris calendar day it was received (AAAA-MM-JJ), with `receivedVia`. */
    receivedOn: text('received_on'),
  },
  (t) => [
    index('files_piece_idx').on(t.pieceId),
    // Is this content still referred to? (deletions and the file store's cleanup), on its first 4 bytes
    // (0018): one chance in 4 billion that two contents share them, and then both rows are read.
    index('files_sha256_prefix_idx').on(sql`substr(${t.sha256}, 1, 4)`),
    // The documents sent in answer to a request (its deadline job); the deposit's files are left out.
    index('files_complement_request_idx').on(t.complementRequestId).where(sql`${t.complementRequestId} IS NOT NULL`),
  ],
);

export const complementRequests = sqliteTable(
  'complement_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    requestedById: integer('requested_by_id')
      .notNull()
      .references(() => staffUsers.id),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull(),
    deadlineAt: integer('deadline_at', { mode: 'timestamp_ms' }).notNull(),
    /** The flagged pieces at sending time: [{ code, reviewStatus, message }], stored short (stored-codes.ts). */
    requestedPieces: requestedPiecesColumn('requested_pieces').notNull(),
    reminderSentAt: integer('reminder_sent_at', { mode: 'timestamp_ms' }),
    answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
    answeredLate: integer('answered_late', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('complement_requests_dossier_idx').on(t.dossierId),
    // The open requests by deadline: reminders, answered requests and closures look at a few days only.
    index('complement_requests_open_deadline_idx').on(t.deadlineAt).where(sql`${t.answeredAt} IS NULL`),
  ],
);

const storedEventAction = storedAs('event action', 'integer', STORED_EVENT_ACTIONS);
const storedActorRole = storedAs('actor role', 'integer', STORED_ACTOR_ROLES);

/**
 * Who did what, as the audit trail names them: a staff member's name as it was then, « Usager »,
 * « Système ». A few hundred labels for millions of events, each written once (0020).
 */
export const actorLabels = sqliteTable('actor_labels', {
  id: integer('id').primaryKey(),
  label: text('label').notNull().unique(),
});

/** Append-only: triggers in the migration refuse UPDATE and DELETE. Actions, roles and status words as numbers (stored-codes.ts). */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** A staff user's id for a staff role, an applicant's for `usager`, null for `systeme`. */
    actorId: integer('actor_id'),
    actorRole: storedActorRole('actor_role').notNull(),
    actorLabelId: integer('actor_label_id')
      .notNull()
      .references(() => actorLabels.id),
    action: storedEventAction('action').notNull(),
    dossierId: integer('dossier_id').references(() => dossiers.id),
    before: eventState('before'),
    after: eventState('after'),
    /**
     * The piece the event is about (a review, a file added or removed), its code stored short (0019);
     * the reason then holds what follows it, read back as « CODE : reason » (audit/routes.ts, the
     * view event_log). Null: no piece, or an event written before, whose reason names it.
     */
    piece: storedPieceCode('piece'),
    reason: text('reason').notNull().default(''),
  },
  // A dossier's few events are sorted when read: `at` in the index cost 40 MiB at a million dossiers.
  (t) => [index('events_dossier_idx').on(t.dossierId)],
);

export const outboxEmails = sqliteTable(
  'outbox_emails',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dossierId: integer('dossier_id').references(() => dossiers.id),
    template: text('template', { enum: EMAIL_TEMPLATES }).notNull(),
    to: text('to').notNull(),
    /** The subject and rendered bodies of e-mails written before `data` existed; empty when `data` is set. */
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    /** The template's data (@em/mail's storedData): subject and bodies are rendered from it when read, by this template version. */
    data: text('data'),
    templateVersion: integer('template_version').notNull().default(1),
    status: text('status', { enum: EMAIL_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    // The e-mails not (yet) delivered, not the millions sent (0017): the dispatcher's queue, the
    // undelivered requests. A query says `status <> 'sent'` in these words for SQLite to use it.
    index('outbox_unsent_idx').on(t.status, t.nextAttemptAt).where(sql`${t.status} <> 'sent'`),
    // A dossier's two or three e-mails; their latest request's delivery state is on the dossier (0010).
    index('outbox_dossier_idx').on(t.dossierId),
    // The mailbox, newest first: its page walks this index until it has its rows (0021).
    index('outbox_created_idx').on(t.createdAt),
  ],
);

/**
 * Indexes dropped while a bulk load runs (the demo seed), with the statement that recreates each:
 * the load inserts faster without them, and a load stopped half-way leaves them here, for the next
 * start to recreate (deferred-indexes.ts).
 */
export const deferredIndexes = sqliteTable('deferred_indexes', {
  name: text('name').primaryKey(),
  sql: text('sql').notNull(),
});

import type { Dossier, DossierListItem } from '@em/contract';
import { type Db, readRequestedPieces, schema } from '@em/db';
import {
  DOSSIER_SORT_FIELDS,
  type DossierSort,
  type EmailStatus,
  findWorkqueue,
  isComplementOverdue,
  isStatus,
  isUndelivered,
  STATUSES,
  type Status,
  staffActions,
  type Workqueue,
} from '@em/domain';
import { and, eq, getTableColumns, gte, inArray, lt, lte, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { badRequest } from '../../http/errors.js';
import { oncePerDatabase, prepareApiRows } from '../../http/prepared.js';
import { filterValues, idsFilter, integerFilter } from '../../http/react-admin.js';
import { searchConditions } from './search.js';

const { dossiers } = schema;
const assignee = alias(schema.staffUsers, 'assignee');

export const DOSSIER_SORTABLE = DOSSIER_SORT_FIELDS;
const SORT_COLUMNS = {
  id: dossiers.id,
  numero: dossiers.numero,
  birth_name: dossiers.birthName,
  deposited_at: dossiers.depositedAt,
  deadline_at: dossiers.deadlineAt,
  status: dossiers.status,
  implicit_decision_at: dossiers.implicitDecisionAt,
  last_answered_at: dossiers.lastAnsweredAt,
  prefecture_code: dossiers.prefectureCode,
} satisfies Record<DossierSort['field'], unknown>;

/** The column (or expression) a list is sorted on; the dashboard reads the oldest value of its figures there. */
export const dossierSortColumn = (field: DossierSort['field']) => SORT_COLUMNS[field];

/**
 * What a list sorted on `field` is ordered by. A numéro is its préfecture's code, then the deposit
 * date and a sequence given at deposit (domain §6): its order is the préfecture's, then the
 * deposit's. Said so, a tab walks the index of its deposits instead of sorting every dossier of
 * the préfecture by numéro (1.3 s for « Tous » of the Nord at a million dossiers).
 */
export const dossierSortOrder = (field: DossierSort['field']) =>
  field === 'numero' ? [dossiers.prefectureCode, dossiers.depositedAt] : [SORT_COLUMNS[field]];

/** `complement_email` filter values: the request e-mail reached the provider, is waiting, or never will as it stands. */
const COMPLEMENT_EMAIL_FILTERS: Record<string, EmailStatus[]> = {
  sent: ['sent'],
  queued: ['queued'],
  undelivered: ['failed', 'bounced'],
};

function dateFilter(filter: Record<string, unknown>, name: string): Date | undefined {
  const value = filter[name];
  if (value === undefined || value === null || value === '') return undefined;
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) throw badRequest(`Filtre « ${name} » invalide : date attendue.`);
  return date;
}

export function workqueueFilter(filter: Record<string, unknown>): Workqueue | undefined {
  if (filter.queue === undefined) return undefined;
  const queue = typeof filter.queue === 'string' ? findWorkqueue(filter.queue) : undefined;
  if (!queue) throw badRequest('Filtre « queue » invalide : file de travail inconnue.');
  return queue;
}

/**
 * A workqueue's statuses and deadline condition, evaluated at `now` (the server's clock, never the
 * browser's): an instant, or the placeholder a prepared list is given it by.
 */
function workqueueConditions(queue: Workqueue, now: Date | Placeholder): SQL[] {
  const conditions = [inArray(dossiers.status, [...queue.statuses])];
  // The same boundary as isComplementOverdue: overdue strictly after the deadline instant.
  if (queue.deadline === 'overdue') conditions.push(lt(dossiers.deadlineAt, now));
  if (queue.deadline === 'running') conditions.push(gte(dossiers.deadlineAt, now));
  return conditions;
}

/** The `prefecture_code` filter (the national admin's), when one is set. */
export const prefectureFilter = (filter: Record<string, unknown>) =>
  typeof filter.prefecture_code === 'string' && filter.prefecture_code ? filter.prefecture_code : undefined;

/** The `status` filter's values, each a status (400 otherwise); undefined without one. */
function statusFilter(filter: Record<string, unknown>): Status[] | undefined {
  const statuses = filterValues(filter, 'status');
  if (statuses && !statuses.every(isStatus)) throw badRequest('Filtre « status » invalide.');
  return statuses as Status[] | undefined;
}

/** The statuses a list of these filters may hold (its tab's, its status filter's); undefined: any. */
export function listedStatuses(filter: Record<string, unknown>): readonly string[] | undefined {
  const queue = workqueueFilter(filter);
  const filtered = statusFilter(filter);
  if (!queue && !filtered) return undefined;
  return (queue?.statuses ?? STATUSES).filter((status) => !filtered || filtered.includes(status));
}

/** `onePrefecture`: the préfecture every dossier listed belongs to, when there is one (a search then reads only its part of the index). */
export function dossierListConditions(filter: Record<string, unknown>, now: Date | Placeholder, onePrefecture?: string): SQL[] {
  const conditions: SQL[] = [];
  const queue = workqueueFilter(filter);
  if (queue) conditions.push(...workqueueConditions(queue, now));
  const ids = idsFilter(filter);
  if (ids) conditions.push(inArray(dossiers.id, ids));
  conditions.push(...searchConditions(filter.q, { prefectureCode: onePrefecture, statuses: listedStatuses(filter) }));
  const statuses = statusFilter(filter);
  if (statuses) conditions.push(inArray(dossiers.status, statuses));
  const assigneeId = integerFilter(filter, 'assignee_id');
  if (assigneeId !== undefined) conditions.push(eq(dossiers.assigneeId, assigneeId));
  const deadlineFrom = dateFilter(filter, 'deadline_gte');
  if (deadlineFrom) conditions.push(gte(dossiers.deadlineAt, deadlineFrom));
  const deadlineTo = dateFilter(filter, 'deadline_lte');
  if (deadlineTo) conditions.push(lte(dossiers.deadlineAt, deadlineTo));
  const depositedFrom = dateFilter(filter, 'deposited_gte');
  if (depositedFrom) conditions.push(gte(dossiers.depositedAt, depositedFrom));
  const depositedTo = dateFilter(filter, 'deposited_lte');
  if (depositedTo) conditions.push(lte(dossiers.depositedAt, depositedTo));
  const implicitTo = dateFilter(filter, 'implicit_decision_lte');
  if (implicitTo) conditions.push(lte(dossiers.implicitDecisionAt, implicitTo));
  const prefectureCode = prefectureFilter(filter);
  if (prefectureCode) conditions.push(eq(dossiers.prefectureCode, prefectureCode));
  if (filter.complement_email !== undefined) {
    const statuses = COMPLEMENT_EMAIL_FILTERS[String(filter.complement_email)];
    if (!statuses) throw badRequest('Filtre « complement_email » invalide : sent, queued ou undelivered.');
    conditions.push(inArray(dossiers.requestEmailStatus, statuses));
    // Waiting, failed or bounced requests are few: found first through the outbox's index of the
    // e-mails not sent (`status <> 'sent'` in its words), rather than by reading the latest e-mail of
    // every dossier awaiting complements.
    if (!statuses.includes('sent')) {
      const { outboxEmails } = schema;
      conditions.push(
        sql`${dossiers.id} IN (SELECT ${outboxEmails.dossierId} FROM ${outboxEmails}
          WHERE ${outboxEmails.status} <> 'sent' AND ${outboxEmails.template} = 'complement_request' AND ${inArray(outboxEmails.status, statuses)})`,
      );
    }
  }
  return conditions;
}

const requests = schema.complementRequests;
const latestRequest = alias(requests, 'latest_request');

/**
 * The join of the dossier's latest complement request, answered or not: one lookup of the
 * requests' index per dossier, where a subquery per column it shows took three (a page 114 → 87 µs).
 */
const isLatestRequest = sql`${latestRequest.id} = (SELECT max(${requests.id}) FROM ${requests} WHERE ${requests.dossierId} = ${dossiers.id})`;

/** What lists and the dossier's page both show: its columns, its agent, and the latest request's deadline and answer. */
function listedFields() {
  const { id, numero, status, prefectureCode, assigneeId, depositedAt, deadlineAt, implicitDecisionAt, birthName, usageName, firstNames } =
    dossiers;
  return {
    id,
    numero,
    status,
    prefectureCode,
    assigneeId,
    assigneeName: assignee.fullName,
    depositedAt,
    deadlineAt,
    implicitDecisionAt,
    birthName,
    usageName,
    firstNames,
    complementEmailStatus: dossiers.requestEmailStatus,
    requestDeadlineAt: latestRequest.deadlineAt,
    answeredAt: latestRequest.answeredAt,
    answeredLate: sql`coalesce(${latestRequest.answeredLate}, 0)`.mapWith(requests.answeredLate),
  };
}

/** A dossier's whole record, as its page reads it. */
function selectDossiers(db: Db) {
  // The receipt is the applicant's document, fetched by the portal; staff records leave out its storage key.
  const {
    searchText: _searchText,
    receiptSha256: _receipt,
    // Said by the record's answered_at (from the latest request) and complement_email_status.
    lastAnsweredAt: _lastAnsweredAt,
    requestEmailStatus: _requestEmailStatus,
    ...columns
  } = getTableColumns(dossiers);
  // The pieces named in the request still awaiting the applicant: what a closure would say never came.
  const requestedPieces = sql`coalesce((SELECT ${requests.requestedPieces} FROM ${requests}
    WHERE ${requests.dossierId} = ${dossiers.id} AND ${requests.answeredAt} IS NULL ORDER BY ${requests.id} DESC LIMIT 1), '[]')`.mapWith(
    (stored: string) => readRequestedPieces(stored).map((p) => p.code),
  );
  return db
    .select({ ...columns, ...listedFields(), requestedPieces })
    .from(dossiers)
    .leftJoin(assignee, eq(assignee.id, dossiers.assigneeId))
    .leftJoin(latestRequest, isLatestRequest);
}

/** A dossier as a list row shows it (DossierListItem). */
const selectListItems = (db: Db) =>
  db
    .select(listedFields())
    .from(dossiers)
    .leftJoin(assignee, eq(assignee.id, dossiers.assigneeId))
    .leftJoin(latestRequest, isLatestRequest);

const byIds = () => sql`${dossiers.id} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`;

/** Records and list rows by id, on selects prepared once per database (http/prepared.ts). */
const recordsByIds = oncePerDatabase((db) => prepareApiRows(db, selectDossiers(db).where(byIds())));
const listItemsByIds = oncePerDatabase((db) => prepareApiRows(db, selectListItems(db).where(byIds())));

type ClockFields = { id: number; status: Status; deadline_at: string | null; complement_email_status: EmailStatus | null };

/** These rows, in the order of `ids`, with what the console derives at `now`. */
function inOrderWithClock<Row extends ClockFields>(rows: Row[], ids: number[], now: Date) {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const record = byId.get(id);
    if (!record) return [];
    const clock = {
      status: record.status,
      deadlineAt: record.deadline_at === null ? null : new Date(record.deadline_at),
      requestEmail: record.complement_email_status,
    };
    const undelivered = record.status === 'complement_demande' && clock.requestEmail !== null && isUndelivered(clock.requestEmail);
    return Object.assign(record, {
      deadline_passed: isComplementOverdue(clock, now),
      complement_email_undelivered: undelivered,
      allowed_actions: staffActions(clock, now),
    });
  });
}

const dossierRecords = (db: Db, ids: number[], now: Date): Dossier[] =>
  inOrderWithClock(recordsByIds(db)({ ids: JSON.stringify(ids) }), ids, now);
export const dossierListItems = (db: Db, ids: number[], now: Date): DossierListItem[] =>
  inOrderWithClock(listItemsByIds(db)({ ids: JSON.stringify(ids) }), ids, now);

export function findDossier(db: Db, scope: SQL, id: number, now: Date): Dossier | null {
  const found = db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(and(scope, eq(dossiers.id, id)))
    .get();
  return found ? dossierRecords(db, [found.id], now)[0]! : null;
}

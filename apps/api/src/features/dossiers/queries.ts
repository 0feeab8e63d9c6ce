import { type Db, schema } from '@em/db';
import {
  allowedActions,
  isDeadlinePassed,
  isStatus,
  NUMERO_PATTERN,
  normalizeSearchText,
  type RequestedPiece,
  type Status,
} from '@em/domain';
import { and, asc, desc, eq, getTableColumns, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { badRequest } from '../../http/errors.js';
import { idsFilter, integerFilter, type ListQuery, toApiRecord } from '../../http/react-admin.js';

const { dossiers } = schema;
const assignee = alias(schema.staffUsers, 'assignee');

/** Delivery state of the e-mail that carries the latest complement request of the dossier (null: none). */
export const complementEmailStatus = sql<string | null>`(SELECT ${schema.outboxEmails.status} FROM ${schema.outboxEmails}
    WHERE ${schema.outboxEmails.dossierId} = ${dossiers.id} AND ${schema.outboxEmails.template} = 'complement_request'
    ORDER BY ${schema.outboxEmails.id} DESC LIMIT 1)`;

/** When the applicant last answered a complement request (null: never). */
const lastAnsweredAt = sql<number | null>`(SELECT max(${schema.complementRequests.answeredAt}) FROM ${schema.complementRequests}
    WHERE ${schema.complementRequests.dossierId} = ${dossiers.id})`;

export const DOSSIER_SORTABLE = [
  'id',
  'numero',
  'birth_name',
  'deposited_at',
  'deadline_at',
  'status',
  'implicit_decision_at',
  'last_answered_at',
  'prefecture_code',
] as const;
const SORT_COLUMNS = {
  id: dossiers.id,
  numero: dossiers.numero,
  birth_name: dossiers.birthName,
  deposited_at: dossiers.depositedAt,
  deadline_at: dossiers.deadlineAt,
  status: dossiers.status,
  implicit_decision_at: dossiers.implicitDecisionAt,
  last_answered_at: lastAnsweredAt,
  prefecture_code: dossiers.prefectureCode,
};

/** The column (or expression) a list is sorted on; the dashboard reads the oldest value of its figures there. */
export const dossierSortColumn = (field: (typeof DOSSIER_SORTABLE)[number]) => SORT_COLUMNS[field];

/** `complement_email` filter values: the request e-mail reached the provider, is waiting, or never will as it stands. */
const COMPLEMENT_EMAIL_FILTERS: Record<string, string[]> = {
  sent: ['sent'],
  queued: ['queued'],
  undelivered: ['failed', 'bounced'],
};

/** Staff actions the console may offer, given the table in packages/domain and the deadline. */
const STAFF_ACTIONS = ['take', 'request_complement', 'complete', 'close_incomplete'];

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

function dateFilter(filter: Record<string, unknown>, name: string): Date | undefined {
  const value = filter[name];
  if (value === undefined || value === null || value === '') return undefined;
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) throw badRequest(`Filtre « ${name} » invalide : date attendue.`);
  return date;
}

export function dossierListConditions(filter: Record<string, unknown>): SQL[] {
  const conditions: SQL[] = [];
  const ids = idsFilter(filter);
  if (ids) conditions.push(inArray(dossiers.id, ids));
  if (typeof filter.q === 'string' && filter.q.trim()) {
    for (const word of normalizeSearchText(filter.q).split(' ')) {
      // A whole numéro is looked up on its unique index; anything else (names, parts of a numéro) by substring.
      if (NUMERO_PATTERN.test(word.toUpperCase())) conditions.push(eq(dossiers.numero, word.toUpperCase()));
      else conditions.push(sql`${dossiers.searchText} LIKE ${`%${escapeLike(word)}%`} ESCAPE '\\'`);
    }
  }
  if (filter.status !== undefined) {
    const statuses = Array.isArray(filter.status) ? filter.status : [filter.status];
    if (!statuses.every(isStatus)) throw badRequest('Filtre « status » invalide.');
    conditions.push(inArray(dossiers.status, statuses));
  }
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
  if (typeof filter.prefecture_code === 'string' && filter.prefecture_code)
    conditions.push(eq(dossiers.prefectureCode, filter.prefecture_code));
  if (filter.complement_email !== undefined) {
    const statuses = COMPLEMENT_EMAIL_FILTERS[String(filter.complement_email)];
    if (!statuses) throw badRequest('Filtre « complement_email » invalide : sent, queued ou undelivered.');
    conditions.push(inArray(complementEmailStatus, statuses));
  }
  return conditions;
}

function selectDossiers(db: Db) {
  const { searchText: _searchText, ...columns } = getTableColumns(dossiers);
  const openRequestPieces = sql<string | null>`(SELECT ${schema.complementRequests.requestedPieces} FROM ${schema.complementRequests}
    WHERE ${schema.complementRequests.dossierId} = ${dossiers.id} AND ${schema.complementRequests.answeredAt} IS NULL
    ORDER BY ${schema.complementRequests.id} DESC LIMIT 1)`;
  return db
    .select({ ...columns, assigneeName: assignee.fullName, complementEmailStatus, openRequestPieces })
    .from(dossiers)
    .leftJoin(assignee, eq(assignee.id, dossiers.assigneeId));
}

type DossierRow = ReturnType<ReturnType<typeof selectDossiers>['all']>[number];

export function dossierRecord(row: DossierRow, now: Date) {
  const status = row.status as Status;
  const deadlinePassed = status === 'complement_demande' && row.deadlineAt !== null && isDeadlinePassed(row.deadlineAt, now);
  const actions = allowedActions(status).filter(
    (action) => STAFF_ACTIONS.includes(action) && (action !== 'close_incomplete' || deadlinePassed),
  );
  const undelivered =
    status === 'complement_demande' && (row.complementEmailStatus === 'failed' || row.complementEmailStatus === 'bounced');
  const { openRequestPieces, complementEmailStatus: _status, ...fields } = row;
  // The pieces named in the request still awaiting the applicant: what a closure would say never came.
  const requestedPieces = openRequestPieces ? (JSON.parse(openRequestPieces) as RequestedPiece[]).map((p) => p.code) : [];
  return {
    ...toApiRecord(fields),
    deadline_passed: deadlinePassed,
    complement_email_undelivered: undelivered,
    requested_pieces: requestedPieces,
    allowed_actions: actions,
  };
}

export function listDossiers(db: Db, scope: SQL, query: ListQuery, now: Date) {
  const where = and(scope, ...dossierListConditions(query.filter));
  const sort = query.sort ?? { field: 'deposited_at', order: 'DESC' as const };
  const column = SORT_COLUMNS[sort.field as keyof typeof SORT_COLUMNS];
  const order = sort.order === 'ASC' ? asc : desc;
  const rows = selectDossiers(db)
    .where(where)
    .orderBy(order(column), order(dossiers.id))
    .limit(query.range.limit)
    .offset(query.range.offset)
    .all();
  const total = db.select({ count: sql<number>`count(*)` }).from(dossiers).where(where).get()?.count ?? 0;
  return { rows: rows.map((row) => dossierRecord(row, now)), total };
}

export function findDossier(db: Db, scope: SQL, id: number, now: Date) {
  const row = selectDossiers(db)
    .where(and(scope, eq(dossiers.id, id)))
    .get();
  return row ? dossierRecord(row, now) : null;
}

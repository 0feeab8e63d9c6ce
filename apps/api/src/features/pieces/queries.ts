import type { Piece } from '@em/contract';
import { type Db, schema } from '@em/db';
import { PIECE_CATALOGUE, pieceDefinition } from '@em/domain';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { StaffUser } from '../../deps.js';
import { type ListQuery, toApiRecord } from '../../http/react-admin.js';
import { preparedCount, preparedRecordLists } from '../dossiers/record-lists.js';

const { pieces, dossiers, files, events } = schema;

export const PIECE_SORTABLE = ['id', 'code', 'review_status'] as const;

const catalogueOrder = sql`CASE ${pieces.code} ${sql.join(
  PIECE_CATALOGUE.map((p, index) => sql`WHEN ${schema.STORED_PIECE_CODES[p.code]} THEN ${index}`),
  sql` `,
)} END`;

function selectPieces(db: Db) {
  return db
    .select({
      id: pieces.id,
      dossierId: pieces.dossierId,
      code: pieces.code,
      reviewStatus: pieces.reviewStatus,
      reviewMessage: pieces.reviewMessage,
      reviewedAt: pieces.reviewedAt,
      fileCount: sql<number>`(SELECT count(*) FROM ${files} WHERE ${files.pieceId} = ${pieces.id})`,
      newNumber: sql<number>`${eq(pieces.code, 'EPHOTO')} AND ${pieces.reviewStatus} = 'a_verifier' AND EXISTS (SELECT 1 FROM ${events} WHERE ${events.dossierId} = ${pieces.dossierId} AND ${eq(events.action, 'replace_ephoto')} AND ${events.at} >= coalesce(${pieces.reviewedAt}, 0))`,
    })
    .from(pieces)
    .innerJoin(dossiers, eq(dossiers.id, pieces.dossierId));
}

function pieceRecord(row: ReturnType<ReturnType<typeof selectPieces>['all']>[number]): Piece {
  const definition = pieceDefinition(row.code);
  return {
    ...toApiRecord(row),
    new_number: Boolean(row.newNumber),
    label: definition.label,
    required: definition.required,
    kind: definition.kind,
  };
}

function piecePage(db: Db, query: ListQuery, where: SQL | undefined) {
  const order = query.sort?.order === 'DESC' ? desc : asc;
  const sortColumn = query.sort?.field === 'review_status' ? pieces.reviewStatus : query.sort?.field === 'id' ? pieces.id : catalogueOrder;
  return selectPieces(db)
    .where(where)
    .orderBy(order(sortColumn), asc(pieces.id))
    .limit(query.range.limit)
    .offset(query.range.offset)
    .prepare();
}

const pieceLists = preparedRecordLists({ id: pieces.id, filters: { dossier_id: pieces.dossierId } }, (db, query, where) => ({
  rows: piecePage(db, query, where),
  total: preparedCount(db, pieces, pieces.dossierId, where),
}));

export function listPieces(db: Db, staff: StaffUser, query: ListQuery) {
  const { rows, total } = pieceLists(db, staff, query);
  return { rows: rows.map(pieceRecord), total };
}

export function findPiece(db: Db, scope: SQL, id: number) {
  const row = selectPieces(db)
    .where(and(scope, eq(pieces.id, id)))
    .get();
  return row ? pieceRecord(row) : null;
}

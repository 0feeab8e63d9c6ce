import type { Piece } from '@em/contract';
import { type Db, schema } from '@em/db';
import { PIECE_CATALOGUE, pieceDefinition } from '@em/domain';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { idsFilter, integerFilter, type ListQuery, toApiRecord } from '../../http/react-admin.js';

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

export function listPieces(db: Db, scope: SQL, query: ListQuery) {
  const conditions = [scope];
  const ids = idsFilter(query.filter);
  if (ids) conditions.push(inArray(pieces.id, ids));
  const dossierId = integerFilter(query.filter, 'dossier_id');
  if (dossierId !== undefined) conditions.push(eq(pieces.dossierId, dossierId));
  const where = and(...conditions);
  const order = query.sort?.order === 'DESC' ? desc : asc;
  const sortColumn = query.sort?.field === 'review_status' ? pieces.reviewStatus : query.sort?.field === 'id' ? pieces.id : catalogueOrder;
  const rows = selectPieces(db)
    .where(where)
    .orderBy(order(sortColumn), asc(pieces.id))
    .limit(query.range.limit)
    .offset(query.range.offset)
    .all();
  const total =
    db.select({ count: sql<number>`count(*)` }).from(pieces).innerJoin(dossiers, eq(dossiers.id, pieces.dossierId)).where(where).get()
      ?.count ?? 0;
  return { rows: rows.map(pieceRecord), total };
}

export function findPiece(db: Db, scope: SQL, id: number) {
  const row = selectPieces(db)
    .where(and(scope, eq(pieces.id, id)))
    .get();
  return row ? pieceRecord(row) : null;
}

import type { StoredFile } from '@em/contract';
import { type Db, schema, type Tx } from '@em/db';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { idsFilter, integerFilter, type ListQuery, toApiRecord } from '../../http/react-admin.js';

const { files, pieces, dossiers } = schema;

export const FILE_SORTABLE = ['id', 'uploaded_at', 'original_name'] as const;

function selectFiles(db: Db) {
  return db
    .select({
      id: files.id,
      pieceId: files.pieceId,
      dossierId: pieces.dossierId,
      sha256: files.sha256,
      size: files.size,
      detectedType: files.detectedType,
      originalName: files.originalName,
      uploadedAt: files.uploadedAt,
      uploadedByStaffId: files.uploadedByStaffId,
      late: files.late,
      complementRequestId: files.complementRequestId,
      receivedVia: files.receivedVia,
      receivedOn: files.receivedOn,
    })
    .from(files)
    .innerJoin(pieces, eq(pieces.id, files.pieceId))
    .innerJoin(dossiers, eq(dossiers.id, pieces.dossierId));
}

/** A dossier's pieces and their files, oldest upload first: what both applicant views are built from. */
export function piecesWithFiles(db: Db | Tx, dossierId: number) {
  const dossierPieces = db.select().from(pieces).where(eq(pieces.dossierId, dossierId)).all();
  const pieceIds = dossierPieces.map((piece) => piece.id);
  const pieceFiles = pieceIds.length
    ? db.select().from(files).where(inArray(files.pieceId, pieceIds)).orderBy(asc(files.uploadedAt), asc(files.id)).all()
    : [];
  return { pieces: dossierPieces, files: pieceFiles };
}

type FileRow = ReturnType<ReturnType<typeof selectFiles>['all']>[number];

function fileRecord({ sha256: _sha256, uploadedByStaffId, ...row }: FileRow, urlPrefix: string): StoredFile {
  return {
    ...toApiRecord(row),
    uploaded_by: uploadedByStaffId ? ('agent' as const) : ('usager' as const),
    url: `${urlPrefix}/${row.id}/content`,
  };
}

export function listFiles(db: Db, scope: SQL, query: ListQuery, urlPrefix: string) {
  const conditions = [scope];
  const ids = idsFilter(query.filter);
  if (ids) conditions.push(inArray(files.id, ids));
  const pieceId = integerFilter(query.filter, 'piece_id');
  if (pieceId !== undefined) conditions.push(eq(files.pieceId, pieceId));
  const dossierId = integerFilter(query.filter, 'dossier_id');
  if (dossierId !== undefined) conditions.push(eq(pieces.dossierId, dossierId));
  const where = and(...conditions);
  const sortColumn =
    { id: files.id, uploaded_at: files.uploadedAt, original_name: files.originalName }[query.sort?.field ?? 'uploaded_at'] ??
    files.uploadedAt;
  const order = query.sort?.order === 'DESC' ? desc : asc;
  const rows = selectFiles(db)
    .where(where)
    .orderBy(order(sortColumn), asc(files.id))
    .limit(query.range.limit)
    .offset(query.range.offset)
    .all();
  const total =
    db
      .select({ count: sql<number>`count(*)` })
      .from(files)
      .innerJoin(pieces, eq(pieces.id, files.pieceId))
      .innerJoin(dossiers, eq(dossiers.id, pieces.dossierId))
      .where(where)
      .get()?.count ?? 0;
  return { rows: rows.map((row) => fileRecord(row, urlPrefix)), total };
}

export function findFile(db: Db, scope: SQL, id: number) {
  return (
    selectFiles(db)
      .where(and(scope, eq(files.id, id)))
      .get() ?? null
  );
}

export function fileApiRecord(row: FileRow, urlPrefix: string) {
  return fileRecord(row, urlPrefix);
}

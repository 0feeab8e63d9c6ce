import type { StoredFile } from '@em/contract';
import { type Db, schema, type Tx } from '@em/db';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { StaffUser } from '../../deps.js';
import { type ListQuery, toApiRecord } from '../../http/react-admin.js';
import { preparedRecordLists } from '../dossiers/record-lists.js';

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

/** A dossier's or a piece's files, prepared once per scope, filter, order and range (preparedRecordLists). */
const fileLists = preparedRecordLists(
  { id: files.id, filters: { piece_id: files.pieceId, dossier_id: pieces.dossierId } },
  (db, query, where) => {
    const sortColumn =
      { id: files.id, uploaded_at: files.uploadedAt, original_name: files.originalName }[query.sort?.field ?? 'uploaded_at'] ??
      files.uploadedAt;
    const order = query.sort?.order === 'DESC' ? desc : asc;
    return {
      rows: selectFiles(db)
        .where(where)
        .orderBy(order(sortColumn), asc(files.id))
        .limit(query.range.limit)
        .offset(query.range.offset)
        .prepare(),
      total: db
        .select({ count: sql<number>`count(*)` })
        .from(files)
        .innerJoin(pieces, eq(pieces.id, files.pieceId))
        .innerJoin(dossiers, eq(dossiers.id, pieces.dossierId))
        .where(where)
        .prepare(),
    };
  },
);

export function listFiles(db: Db, staff: StaffUser, query: ListQuery, urlPrefix: string) {
  const { rows, total } = fileLists(db, staff, query);
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

import { type Db, IS_REFERENCED_SQL, schema, type Tx } from '@em/db';
import { DOSSIER_FULL_MESSAGE, dossierRoomMessage, FILE_TOO_LARGE_MESSAGE, MAX_DOSSIER_BYTES, MAX_FILE_BYTES } from '@em/domain';
import { eq, sum } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { HttpError } from '../../http/errors.js';
import type { ReceivedUpload } from '../usager/upload.js';

/** How long a temporary file may sit untouched before the cleanup takes it for an aborted upload's. */
export const STALE_TEMPORARY_MS = 60 * 60_000;

function dossierBytes(db: Db | Tx, dossierId: number): number {
  const row = db
    .select({ bytes: sum(schema.files.size) })
    .from(schema.files)
    .innerJoin(schema.pieces, eq(schema.pieces.id, schema.files.pieceId))
    .where(eq(schema.pieces.dossierId, dossierId))
    .get();
  return Number(row?.bytes ?? 0);
}

/**
 * The most the next upload to this dossier may weigh, and the message past it; 413 when the
 * dossier's room is already used up. Checked before the upload is read, and again with its size.
 */
export function uploadRoom(db: Db | Tx, dossierId: number, size = 0): { bytes: number; message: string } {
  const room = MAX_DOSSIER_BYTES - dossierBytes(db, dossierId);
  if (room <= 0) throw new HttpError(413, DOSSIER_FULL_MESSAGE);
  if (size > room) throw new HttpError(413, dossierRoomMessage(room));
  return room < MAX_FILE_BYTES
    ? { bytes: room, message: dossierRoomMessage(room) }
    : { bytes: MAX_FILE_BYTES, message: FILE_TOO_LARGE_MESSAGE };
}

/** The columns of a `files` row that the upload itself decides. */
export type AdoptedUpload = Pick<typeof schema.files.$inferInsert, 'sha256' | 'size' | 'detectedType' | 'originalName'>;

/**
 * One transaction that checks again, then refers to the upload: `write` calls `adopt()` once every
 * check has passed, which gives the file its stored name just before the row that points at it,
 * and answers that row's columns describing the content.
 * A refused or failed write leaves neither the temporary file nor the content behind.
 */
export async function storeUpload<T>(deps: AppDeps, upload: ReceivedUpload, write: (tx: Tx, adopt: () => AdoptedUpload) => T): Promise<T> {
  let adopted = false;
  try {
    return deps.db.transaction((tx) =>
      write(tx, () => {
        deps.store.adopt(upload.temporary, upload.sha256);
        adopted = true;
        return { sha256: upload.sha256, size: upload.size, detectedType: upload.mime, originalName: upload.name };
      }),
    );
  } catch (error) {
    if (adopted) forgetUnreferenced(deps, [upload.sha256]);
    throw error;
  } finally {
    await upload.discard();
  }
}

/** Deletes those of `contents` no row refers to any more: after the transaction that removed their rows commits, and by the cleanup. */
export function forgetUnreferenced(deps: Pick<AppDeps, 'db' | 'store'>, contents: string[]): number {
  if (contents.length === 0) return 0;
  // Checked and removed under the write lock: an upload of the same content in another server
  // process adopts it and writes its row in one transaction, so it cannot slip in between.
  return deps.db.transaction(() => {
    const isReferenced = referenceCheck(deps.db);
    return deps.store.remove(contents.filter((sha256) => !isReferenced(sha256)));
  });
}

/** One content at a time, through the prefix indexes: cheap whatever the number of file rows. */
function referenceCheck(db: Db): (sha256: string) => boolean {
  const statement = db.$client.prepare(IS_REFERENCED_SQL).pluck();
  return (sha256) => statement.get({ sha256 }) === 1;
}

/**
 * Removes stored content no row refers to, among `contents`, and temporary files older than an hour
 * (an aborted upload). At start, every stored content is checked (a crash between the rename and
 * the commit, a deletion interrupted) and every temporary file goes (`temporaryOlderThanMs` 0).
 * The periodic pass checks only what this server stored since its previous pass: an upload's
 * adoption and its row are written in one synchronous transaction, so nothing else can be left.
 */
export async function cleanFileStore(
  deps: Pick<AppDeps, 'db' | 'store'>,
  nowMs = Date.now(),
  temporaryOlderThanMs = STALE_TEMPORARY_MS,
  contents = deps.store.list(),
) {
  const unreferenced = forgetUnreferenced(deps, contents);
  const temporary = await deps.store.removeTemporaryFiles(temporaryOlderThanMs, nowMs);
  return { unreferenced, temporary };
}

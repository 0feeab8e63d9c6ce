import { type Db, schema } from '@em/db';
import { CSV_BOM, csvDate, csvLine, STATUS_LABELS, type Status } from '@em/domain';
import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { dossierListConditions } from '../dossiers/queries.js';

const { dossiers } = schema;
const assignee = alias(schema.staffUsers, 'assignee');

/** Rows read per query: the export never holds more than this many dossiers at once. */
export const EXPORT_PAGE_SIZE = 500;

const EMAIL_STATUS_LABELS: Record<string, string> = { queued: 'en attente', sent: 'envoyé', failed: 'échec', bounced: 'rejeté' };

const COLUMNS: [header: string, value: (row: ExportRow) => string | null][] = [
  ['Numéro', (r) => r.numero],
  ['Préfecture', (r) => r.prefectureCode],
  ['Statut', (r) => STATUS_LABELS[r.status as Status] ?? r.status],
  ['Nom de naissance', (r) => r.birthName],
  ['Nom d’usage', (r) => r.usageName],
  ['Prénom(s)', (r) => r.firstNames.join(' ')],
  ['Nationalité(s)', (r) => r.nationalities.join(', ')],
  ['Date de dépôt', (r) => csvDate(r.depositedAt)],
  ['Agent', (r) => r.assigneeName],
  ['Échéance des compléments', (r) => csvDate(r.deadlineAt)],
  ['Courriel de demande', (r) => (r.emailStatus ? (EMAIL_STATUS_LABELS[r.emailStatus] ?? r.emailStatus) : null)],
  ['Décision implicite le', (r) => csvDate(r.implicitDecisionAt)],
  ['Complet le', (r) => csvDate(r.completedAt)],
  ['Clôturé le', (r) => csvDate(r.closedAt)],
  ['Motif de clôture', (r) => r.closureReason],
];

function readPage(db: Db, where: SQL | undefined, afterId: number) {
  return db
    .select({
      id: dossiers.id,
      numero: dossiers.numero,
      prefectureCode: dossiers.prefectureCode,
      status: dossiers.status,
      birthName: dossiers.birthName,
      usageName: dossiers.usageName,
      firstNames: dossiers.firstNames,
      nationalities: dossiers.nationalities,
      depositedAt: dossiers.depositedAt,
      assigneeName: assignee.fullName,
      deadlineAt: dossiers.deadlineAt,
      emailStatus: dossiers.requestEmailStatus,
      implicitDecisionAt: dossiers.implicitDecisionAt,
      completedAt: dossiers.completedAt,
      closedAt: dossiers.closedAt,
      closureReason: dossiers.closureReason,
    })
    .from(dossiers)
    .leftJoin(assignee, eq(assignee.id, dossiers.assigneeId))
    .where(and(where, gt(dossiers.id, afterId)))
    .orderBy(asc(dossiers.id))
    .limit(EXPORT_PAGE_SIZE)
    .all();
}
type ExportRow = ReturnType<typeof readPage>[number];

/**
 * The filtered list as CSV for a French spreadsheet, streamed: each pull of the stream reads the
 * next page (by id, after the last one sent), so memory stays bounded whatever the total, and the
 * database connection is free between pages for the other requests.
 */
export function dossierCsvStream(db: Db, scope: SQL, filter: Record<string, unknown>, now: Date): ReadableStream<Uint8Array> {
  const where = and(scope, ...dossierListConditions(filter, now));
  const encoder = new TextEncoder();
  let lastId = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(COLUMNS.map(([header]) => header))));
    },
    pull(controller) {
      const rows = readPage(db, where, lastId);
      if (rows.length === 0) {
        controller.close();
        return;
      }
      lastId = rows[rows.length - 1]!.id;
      controller.enqueue(encoder.encode(rows.map((row) => csvLine(COLUMNS.map(([, value]) => value(row)))).join('')));
    },
  });
}

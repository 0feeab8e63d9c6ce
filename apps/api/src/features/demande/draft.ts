import { type Db, schema, type Tx } from '@em/db';
import {
  DEMANDE_STEPS,
  departementFromInsee,
  type InformationsPersonnelles,
  isoDay,
  type Motif,
  PIECE_CATALOGUE,
  parisDay,
  pieceDefinition,
} from '@em/domain';
import { count, desc, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { conflict } from '../../http/errors.js';
import { recordEvent } from '../audit/record.js';
import { applicantDossierScope } from '../dossiers/scope.js';
import { type DossierRow, loadDossier, requireTransition, setStatus } from '../dossiers/state.js';
import { forgetUnreferenced } from '../files/storage.js';

/** Today in Paris, AAAA-MM-JJ: what « in the future » means for the dates of the form. */
export const parisToday = (now: Date) => isoDay(parisDay(now));

/** The applicant's own dossier, or 404 (also when it is someone else's). */
export function ownDossier(db: Db | Tx, applicantId: number, id: number): DossierRow {
  return loadDossier(db, applicantDossierScope(applicantId), id);
}

/** The applicant's own pré-demande while it may still change: after the deposit, only a complement request opens it. */
export function ownDraft(db: Db | Tx, applicantId: number, id: number): DossierRow {
  const dossier = ownDossier(db, applicantId, id);
  if (dossier.status === 'abandonnee') throw conflict('Cette demande a été abandonnée : elle ne peut plus être modifiée.');
  if (dossier.status !== 'brouillon') {
    throw conflict(`Cette demande a déjà été déposée (n°${dossier.numero}) : elle ne peut plus être modifiée.`);
  }
  return dossier;
}

/** Steps are saved in order: step N needs step N − 1. */
export function requireSavedStep(dossier: DossierRow, step: number) {
  if (dossier.lastSavedStep < step - 1) throw conflict(`Enregistrez d'abord l'étape « ${DEMANDE_STEPS[dossier.lastSavedStep]} ».`);
}

/** The applicant's latest dossier: one pré-demande at a time per account. */
function latestDossier(db: Db | Tx, applicantId: number): DossierRow | undefined {
  return db.select().from(schema.dossiers).where(eq(schema.dossiers.applicantId, applicantId)).orderBy(desc(schema.dossiers.id)).get();
}

/** The applicant's draft in progress, if any. */
export function currentDraft(db: Db | Tx, applicantId: number): DossierRow | undefined {
  const latest = latestDossier(db, applicantId);
  return latest?.status === 'brouillon' ? latest : undefined;
}

/** After these, the applicant may start a new pré-demande; any other dossier is followed in « Ma demande ». */
const RESTARTABLE = ['abandonnee', 'cloturee_incomplete'];

/**
 * Step 1 « Votre situation » saved: the draft, with one row per piece of the catalogue. Saving it
 * again (a double click, « Modifier ma situation ») returns the same draft.
 */
export function startDraft(deps: AppDeps, applicantId: number): DossierRow {
  return deps.db.transaction((tx) => {
    const latest = latestDossier(tx, applicantId);
    if (latest?.status === 'brouillon') return latest;
    if (latest && !RESTARTABLE.includes(latest.status)) {
      throw conflict(`Vous avez déjà déposé une demande (n°${latest.numero}) : suivez-la dans « Ma demande ».`);
    }
    const dossier = tx
      .insert(schema.dossiers)
      .values({ applicantId, status: 'brouillon', lastSavedStep: 1, createdAt: deps.now() })
      .returning()
      .get();
    tx.insert(schema.pieces)
      .values(PIECE_CATALOGUE.map((piece) => ({ dossierId: dossier.id, code: piece.code })))
      .run();
    return dossier;
  });
}

const savedUpTo = (dossier: DossierRow, step: number) => Math.max(dossier.lastSavedStep, step);

/** The préfecture an INSEE code leads to, or null when its département has none. */
export function prefectureOfInsee(db: Db | Tx, inseeCode: string) {
  const departement = departementFromInsee(inseeCode);
  if (!departement) return null;
  return db.select().from(schema.prefectures).where(eq(schema.prefectures.code, departement)).get() ?? null;
}

/** Step 2 « Informations personnelles ». */
export function saveInformationsPersonnelles(deps: AppDeps, applicantId: number, id: number, data: InformationsPersonnelles) {
  deps.db.transaction((tx) => {
    const dossier = ownDraft(tx, applicantId, id);
    requireSavedStep(dossier, 2);
    const { etatCivil, adresse, contact } = data;
    setStatus(tx, dossier.id, {
      ...etatCivil,
      birthDay: etatCivil.birthDay ?? null,
      birthMonth: etatCivil.birthMonth ?? null,
      ...adresse,
      country: 'France',
      ...contact,
      lastSavedStep: savedUpTo(dossier, 2),
    });
  });
}

/** Step 3 « Motif de séjour ». */
export function saveMotif(deps: AppDeps, applicantId: number, id: number, motif: Motif) {
  deps.db.transaction((tx) => {
    const dossier = ownDraft(tx, applicantId, id);
    requireSavedStep(dossier, 3);
    setStatus(tx, dossier.id, { ...motif, lastSavedStep: savedUpTo(dossier, 3) });
  });
}

/** The required pieces that have no file yet, in catalogue order. */
export function missingPieces(db: Db | Tx, dossierId: number): string[] {
  const counts = db
    .select({ code: schema.pieces.code, files: count(schema.files.id) })
    .from(schema.pieces)
    .leftJoin(schema.files, eq(schema.files.pieceId, schema.pieces.id))
    .where(eq(schema.pieces.dossierId, dossierId))
    .groupBy(schema.pieces.code)
    .all();
  const filesOf = new Map(counts.map((row) => [row.code, row.files]));
  return PIECE_CATALOGUE.filter((piece) => piece.required && piece.kind === 'files' && !filesOf.get(piece.code)).map(
    (piece) => pieceDefinition(piece.code).label,
  );
}

export const missingPiecesMessage = (labels: string[]) => `Joignez d'abord un document pour : ${labels.map((l) => `« ${l} »`).join(', ')}.`;

/** Step 4 « Justificatifs »: the e-photo number, and a file for every required piece. */
export function saveJustificatifs(deps: AppDeps, applicantId: number, id: number, ephoto: string) {
  deps.db.transaction((tx) => {
    const dossier = ownDraft(tx, applicantId, id);
    requireSavedStep(dossier, 4);
    const missing = missingPieces(tx, dossier.id);
    if (missing.length) throw conflict(missingPiecesMessage(missing));
    setStatus(tx, dossier.id, { ephoto, lastSavedStep: savedUpTo(dossier, 4) });
  });
}

/**
 * « Abandonner la demande » (after the portal's confirmation): irreversible. Its documents, never
 * sent to anyone, are deleted with it.
 */
export function abandonDraft(deps: AppDeps, applicantId: number, id: number) {
  const now = deps.now();
  const sha256s = deps.db.transaction((tx) => {
    const dossier = ownDossier(tx, applicantId, id);
    const to = requireTransition(dossier, 'abandon');
    setStatus(tx, dossier.id, { status: to });
    const pieces = tx.select({ id: schema.pieces.id }).from(schema.pieces).where(eq(schema.pieces.dossierId, dossier.id));
    const files = tx.delete(schema.files).where(inArray(schema.files.pieceId, pieces)).returning({ sha256: schema.files.sha256 }).all();
    recordEvent(tx, {
      actor: { type: 'applicant', id: applicantId },
      action: 'abandon',
      dossierId: dossier.id,
      at: now,
      before: dossier.status,
      after: to,
    });
    return files.map((file) => file.sha256);
  });
  forgetUnreferenced(deps, sha256s);
}

import type { Draft } from '@em/contract';
import { type Db, schema } from '@em/db';
import { PIECE_CATALOGUE, progressPercent, resumeStep } from '@em/domain';
import { eq } from 'drizzle-orm';
import type { DossierRow } from '../dossiers/state.js';
import { piecesWithFiles } from '../files/queries.js';
import { prefectureOfInsee } from './draft.js';
import { draftFileUrl } from './draft-files.js';

export const receiptUrl = (dossierId: number) => `/api/usager/demandes/${dossierId}/recu`;

/** What steps 2 and 3 saved, in the shape of the domain's step schemas. */
export function stepValues(d: DossierRow): Pick<Draft, 'etatCivil' | 'adresse' | 'contact' | 'motif'> {
  return {
    etatCivil: {
      birthName: d.birthName,
      usageName: d.usageName,
      firstNames: d.firstNames,
      sex: (d.sex as 'M' | 'F' | null) ?? null,
      birthDay: d.birthDay,
      birthMonth: d.birthMonth,
      birthYear: d.birthYear,
      birthCountry: d.birthCountry,
      birthPlace: d.birthPlace,
      nationalities: d.nationalities,
    },
    adresse: {
      addressNumber: d.addressNumber,
      addressStreet: d.addressStreet,
      addressComplement: d.addressComplement,
      postalCode: d.postalCode,
      city: d.city,
      country: d.country,
      inseeCode: d.inseeCode,
    },
    contact: { email: d.email, phone: d.phone },
    motif: {
      entryDate: d.entryDate,
      familySituation: d.familySituation,
      unionDate: d.unionDate,
      unionCountry: d.unionCountry,
      dependentChildren: d.dependentChildren,
      attestNoPolygamy: d.attestNoPolygamy,
      attestPenalties: d.attestPenalties,
    },
  };
}

/** A pré-demande as the téléprocédure shows it (contract `draftSchema`). */
export function draftView(db: Db, dossier: DossierRow): Draft {
  const { pieces, files } = piecesWithFiles(db, dossier.id);
  const account = db
    .select({ email: schema.applicants.email })
    .from(schema.applicants)
    .where(eq(schema.applicants.id, dossier.applicantId))
    .get();
  const prefecture = dossier.prefectureCode
    ? db.select().from(schema.prefectures).where(eq(schema.prefectures.code, dossier.prefectureCode)).get()
    : dossier.inseeCode
      ? prefectureOfInsee(db, dossier.inseeCode)
      : null;
  const d = dossier;
  return {
    id: d.id,
    status: d.status as Draft['status'],
    lastSavedStep: d.lastSavedStep,
    progress: progressPercent(d.lastSavedStep),
    resumeStep: resumeStep(d.lastSavedStep),
    accountEmail: account?.email ?? '',
    ...stepValues(d),
    ephoto: d.ephoto,
    observations: d.observations,
    prefecture: prefecture ? { code: prefecture.code, name: prefecture.name } : null,
    pieces: PIECE_CATALOGUE.map((definition) => {
      const piece = pieces.find((p) => p.code === definition.code);
      return {
        code: definition.code,
        label: definition.label,
        required: definition.required,
        kind: definition.kind,
        hint: definition.hint,
        maxFiles: definition.maxFiles,
        files: files
          .filter((f) => f.pieceId === piece?.id)
          .map((f) => ({
            id: f.id,
            originalName: f.originalName,
            size: f.size,
            detectedType: f.detectedType,
            uploadedAt: f.uploadedAt.toISOString(),
            url: draftFileUrl(f.id),
          })),
      };
    }),
    numero: d.numero,
    depositedAt: d.depositedAt?.toISOString() ?? null,
    receiptUrl: d.numero ? receiptUrl(d.id) : null,
  };
}

import {
  type DateContext,
  ephotoSchema,
  informationsPersonnellesSchemaAt,
  motifSchemaFor,
  observationsSchema,
  PIECE_CODES,
  SEXES,
  STATUSES,
  situationSchema,
} from '@em/domain';
import { z } from 'zod';
import { isCountryName, isNationalityName } from './countries.js';

/**
 * The téléprocédure's requests: the domain's step schemas, plus the check that countries and
 * nationalities come from the maintained list. The portal's forms and the API parse with the same ones.
 */
export const situationRequestSchema = situationSchema;

export function informationsPersonnellesRequestSchema(today: string) {
  return informationsPersonnellesSchemaAt(today).superRefine(({ etatCivil }, ctx) => {
    if (etatCivil.birthCountry && !isCountryName(etatCivil.birthCountry)) {
      ctx.addIssue({ code: 'custom', path: ['etatCivil', 'birthCountry'], message: 'Pays de naissance : choisissez un pays de la liste.' });
    }
    etatCivil.nationalities.forEach((nationality, index) => {
      if (nationality && !isNationalityName(nationality)) {
        ctx.addIssue({
          code: 'custom',
          path: ['etatCivil', 'nationalities', index],
          message: 'Nationalité(s) : choisissez une nationalité de la liste.',
        });
      }
    });
  });
}
export type InformationsPersonnellesRequest = z.input<ReturnType<typeof informationsPersonnellesRequestSchema>>;

export function motifRequestSchema(context: DateContext) {
  return motifSchemaFor(context).superRefine((motif, ctx) => {
    if (motif.unionCountry && !isCountryName(motif.unionCountry)) {
      ctx.addIssue({ code: 'custom', path: ['unionCountry'], message: "Pays de l'union : choisissez un pays de la liste." });
    }
  });
}
export type MotifRequest = z.input<ReturnType<typeof motifRequestSchema>>;

export const justificatifsRequestSchema = z.object({ ephoto: ephotoSchema });
export const depotRequestSchema = z.object({ observations: observationsSchema });

const prefectureRefSchema = z.strictObject({ code: z.string(), name: z.string() });

export const draftFileSchema = z.strictObject({
  id: z.number(),
  originalName: z.string(),
  size: z.number(),
  detectedType: z.string(),
  uploadedAt: z.string(),
  /** Opens the file (GET), for the applicant only. */
  url: z.string(),
});
export type DraftFile = z.infer<typeof draftFileSchema>;

export const draftPieceSchema = z.strictObject({
  code: z.enum(PIECE_CODES),
  label: z.string(),
  required: z.boolean(),
  kind: z.enum(['code', 'files']),
  hint: z.string(),
  maxFiles: z.number(),
  files: z.array(draftFileSchema),
});
export type DraftPiece = z.infer<typeof draftPieceSchema>;

/** A pré-demande as the téléprocédure shows it: what each step saved so far (empty strings and nulls before). */
export const draftSchema = z.strictObject({
  id: z.number(),
  status: z.enum(STATUSES),
  lastSavedStep: z.number(),
  /** « Votre démarche en ligne est à N % terminée ». */
  progress: z.number(),
  /** The step « Quitter et revenir plus tard » comes back to. */
  resumeStep: z.number(),
  accountEmail: z.string(),
  etatCivil: z.strictObject({
    birthName: z.string(),
    usageName: z.string(),
    firstNames: z.array(z.string()),
    sex: z.enum(SEXES).nullable(),
    birthDay: z.number().nullable(),
    birthMonth: z.number().nullable(),
    birthYear: z.number().nullable(),
    birthCountry: z.string(),
    birthPlace: z.string(),
    nationalities: z.array(z.string()),
  }),
  adresse: z.strictObject({
    addressNumber: z.string(),
    addressStreet: z.string(),
    addressComplement: z.string(),
    postalCode: z.string(),
    city: z.string(),
    country: z.string(),
    inseeCode: z.string(),
  }),
  contact: z.strictObject({ email: z.string(), phone: z.string() }),
  motif: z.strictObject({
    entryDate: z.string().nullable(),
    familySituation: z.string().nullable(),
    unionDate: z.string().nullable(),
    unionCountry: z.string().nullable(),
    dependentChildren: z.boolean().nullable(),
    attestNoPolygamy: z.boolean(),
    attestPenalties: z.boolean(),
  }),
  ephoto: z.string().nullable(),
  observations: z.string(),
  /** The préfecture the address leads to (département of the INSEE code). */
  prefecture: prefectureRefSchema.nullable(),
  pieces: z.array(draftPieceSchema),
  numero: z.string().nullable(),
  depositedAt: z.string().nullable(),
  /** The receipt PDF once deposited. */
  receiptUrl: z.string().nullable(),
});
export type Draft = z.infer<typeof draftSchema>;

/** A commune of the official list (@etalab/decoupage-administratif), one entry per postal code. */
export const communeSchema = z.strictObject({ nom: z.string(), codePostal: z.string(), codeInsee: z.string(), departement: z.string() });
export type Commune = z.infer<typeof communeSchema>;

/** « Votre demande a bien été transmise. » */
export const depositResponseSchema = z.strictObject({
  id: z.number(),
  numero: z.string(),
  depositedAt: z.string(),
  prefecture: prefectureRefSchema,
  receiptUrl: z.string(),
});
export type DepositResponse = z.infer<typeof depositResponseSchema>;

import { z } from 'zod';
import { EPHOTO_PATTERN, normalizeEphoto } from './pieces.js';

export const FAMILY_SITUATIONS = ['celibataire', 'concubin', 'divorce', 'marie', 'pacse'] as const;
export const FAMILY_SITUATION_LABELS = {
  celibataire: 'Célibataire',
  concubin: 'Concubin(ne)',
  divorce: 'Divorcé(e)',
  marie: 'Marié(e)',
  pacse: 'Pacsé(e)',
} as const satisfies Record<(typeof FAMILY_SITUATIONS)[number], string>;

export const SEXES = ['M', 'F'] as const;
export const SEX_LABELS = { M: 'Masculin', F: 'Féminin' } as const;

export const SITUATION_ETRANGER_MALADE =
  'Je suis un ressortissant étranger résidant habituellement en France et mon état de santé nécessite une prise en charge médicale exceptionnelle';
export const MOTIF_SANTE = 'Je demande un titre de séjour en raison de mon état de santé.';

const required = (label: string) =>
  z
    .string({ error: `${label} : champ obligatoire.` })
    .trim()
    .min(1, `${label} : champ obligatoire.`);
/** A real calendar date written AAAA-MM-JJ (2023-02-30 is refused). */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
const isoDate = (label: string) =>
  z
    .string({ error: `${label} : champ obligatoire.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} : date invalide (AAAA-MM-JJ).`)
    .refine(isCalendarDate, `${label} : date invalide (AAAA-MM-JJ).`);

export const etatCivilSchema = z.object({
  birthName: required('Nom de naissance'),
  usageName: z.string().trim().optional().default(''),
  firstNames: z.array(z.string().trim().min(1, 'Prénom(s) : champ obligatoire.')).min(1, 'Prénom(s) : champ obligatoire.'),
  sex: z.enum(SEXES, { error: 'Sexe : champ obligatoire.' }),
  birthDay: z.number().int().min(1).max(31).nullable().optional(),
  birthMonth: z.number().int().min(1).max(12).nullable().optional(),
  birthYear: z.number({ error: 'Année de naissance : champ obligatoire.' }).int().min(1900).max(2100),
  birthCountry: required('Pays de naissance'),
  birthPlace: required('Lieu de naissance'),
  nationalities: z.array(z.string().trim().min(1, 'Nationalité(s) : champ obligatoire.')).min(1, 'Nationalité(s) : champ obligatoire.'),
});

export const adresseSchema = z.object({
  addressNumber: z.string().trim().optional().default(''),
  addressStreet: required('Voie'),
  addressComplement: z.string().trim().optional().default(''),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'Code postal : 5 chiffres attendus.'),
  city: required('Ville'),
  country: z.string().trim().default('France'),
  inseeCode: z
    .string()
    .trim()
    .regex(/^(\d{5}|2[AB]\d{3})$/i, 'Code INSEE : 5 caractères attendus.'),
});

export const contactSchema = z.object({
  email: z.email('Adresse e-mail invalide.'),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .-]{9,20}$/, 'Téléphone : numéro invalide.'),
});

export const motifSchema = z
  .object({
    entryDate: isoDate("Date d'entrée en France"),
    familySituation: z.enum(FAMILY_SITUATIONS, { error: 'Situation familiale : champ obligatoire.' }),
    unionDate: isoDate("Date de début de l'union").nullable().optional(),
    unionCountry: z.string().trim().nullable().optional(),
    dependentChildren: z.boolean({ error: 'Enfants à charge : champ obligatoire.' }),
    attestNoPolygamy: z.literal(true, { error: "L'attestation de non-polygamie est obligatoire." }),
    attestPenalties: z.literal(true, { error: "L'attestation de connaissance des sanctions pénales est obligatoire." }),
  })
  .superRefine((value, ctx) => {
    if (value.familySituation === 'marie' || value.familySituation === 'pacse') {
      if (!value.unionDate) ctx.addIssue({ code: 'custom', path: ['unionDate'], message: "Date de début de l'union : champ obligatoire." });
      if (!value.unionCountry) ctx.addIssue({ code: 'custom', path: ['unionCountry'], message: "Pays de l'union : champ obligatoire." });
    }
  });

export const ephotoSchema = z
  .string()
  .transform(normalizeEphoto)
  .refine((v) => EPHOTO_PATTERN.test(v), 'Numéro e-photo : 22 caractères (lettres et chiffres) attendus.');

export const predemandeSchema = z.object({
  etatCivil: etatCivilSchema,
  adresse: adresseSchema,
  contact: contactSchema,
  motif: motifSchema,
  ephoto: ephotoSchema,
  observations: z.string().max(4000, 'Observations : 4000 caractères au plus.').optional().default(''),
});
export type Predemande = z.infer<typeof predemandeSchema>;

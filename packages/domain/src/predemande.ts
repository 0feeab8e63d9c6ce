import { z } from 'zod';
import { EPHOTO_PATTERN, normalizeEphoto } from './pieces.js';

export const FAMILY_SITUATIONS = ['celibataire', 'concubin', 'divorce', 'marie', 'pacse'] as const;
export type FamilySituation = (typeof FAMILY_SITUATIONS)[number];
export const FAMILY_SITUATION_LABELS = {
  celibataire: 'Célibataire',
  concubin: 'Concubin(ne)',
  divorce: 'Divorcé(e)',
  marie: 'Marié(e)',
  pacse: 'Pacsé(e)',
} as const satisfies Record<FamilySituation, string>;
/** Marié(e) and Pacsé(e) give the date and the country of the union; the others give neither. */
export const isInUnion = (situation: string | null | undefined) => situation === 'marie' || situation === 'pacse';

export const SEXES = ['M', 'F'] as const;
export const SEX_LABELS = { M: 'Masculin', F: 'Féminin' } as const;

export const SITUATION_ETRANGER_MALADE =
  'Je suis un ressortissant étranger résidant habituellement en France et mon état de santé nécessite une prise en charge médicale exceptionnelle';
export const MOTIF_SANTE = 'Je demande un titre de séjour en raison de mon état de santé.';

/** Step 1 of the guide: the four situations it shows; only the étranger malade one is handled by this service. */
export const SITUATIONS = {
  membre_famille_francais: "Je suis membre de famille d'un citoyen français",
  ne_en_france: 'Je suis un ressortissant étranger né en France',
  etranger_malade: SITUATION_ETRANGER_MALADE,
  autre: 'Je suis dans une autre situation',
} as const;
export type Situation = keyof typeof SITUATIONS;
export const SITUATION_NOT_HANDLED =
  "Cette situation n'est pas traitée par ce service, qui reçoit uniquement les premières demandes de titre de séjour pour raison de santé (étranger malade). Adressez-vous à la préfecture de votre département ou au site de l'administration des étrangers en France.";

export const situationSchema = z.object({
  situation: z
    .enum(Object.keys(SITUATIONS) as [Situation, ...Situation[]], { error: 'Indiquez votre situation.' })
    .refine((situation) => situation === 'etranger_malade', SITUATION_NOT_HANDLED),
});

const required = (label: string, max = 100) =>
  z
    .string({ error: `${label} : champ obligatoire.` })
    .trim()
    .min(1, `${label} : champ obligatoire.`)
    .max(max, `${label} : ${max} caractères au plus.`);
const optionalText = (label: string, max = 100) =>
  z.string().trim().max(max, `${label} : ${max} caractères au plus.`).optional().default('');

/** Form fields arrive as text, API clients may send numbers: '' and null both mean « not given ». */
const optionalInteger = (label: string, min: number, max: number) =>
  z.preprocess(
    (value) => (value === '' || value === undefined || value === null ? null : typeof value === 'string' ? Number(value.trim()) : value),
    z
      .number({ error: `${label} : nombre attendu.` })
      .int(`${label} : nombre entier attendu.`)
      .min(min, `${label} : entre ${min} et ${max}.`)
      .max(max, `${label} : entre ${min} et ${max}.`)
      .nullable(),
  );

/** A real calendar day (30 February is not one). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A real calendar date written AAAA-MM-JJ (2023-02-30 is refused). */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return isCalendarDay(year, month, day);
}

/** One message per date, and no abort: the other fields of the step are still checked. */
const isoDate = (label: string) =>
  z
    .string({ error: `${label} : champ obligatoire.` })
    .trim()
    .superRefine((value, ctx) => {
      if (!value) ctx.addIssue({ code: 'custom', message: `${label} : champ obligatoire.` });
      else if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) ctx.addIssue({ code: 'custom', message: `${label} : date invalide (JJ/MM/AAAA).` });
      else if (!isCalendarDate(value)) ctx.addIssue({ code: 'custom', message: `${label} : cette date n'existe pas.` });
    });

/** The birth date as the guide asks it: the year, and the day and month when known. */
export type BirthDate = { birthDay?: number | null; birthMonth?: number | null; birthYear: number };

/** The earliest day the birth date may be (1 January when only the year is known), AAAA-MM-JJ. */
export function earliestBirthDay(birth: BirthDate): string {
  const month = String(birth.birthMonth ?? 1).padStart(2, '0');
  const day = String(birth.birthMonth ? (birth.birthDay ?? 1) : 1).padStart(2, '0');
  return `${String(birth.birthYear).padStart(4, '0')}-${month}-${day}`;
}

const countryName = (label: string) => required(label, 100);

export const etatCivilSchema = z
  .object({
    birthName: required('Nom de naissance'),
    usageName: optionalText("Nom d'usage"),
    firstNames: z
      .array(required('Prénom(s)'), { error: 'Prénom(s) : champ obligatoire.' })
      .min(1, 'Prénom(s) : champ obligatoire.')
      .max(10, 'Prénom(s) : 10 au plus.'),
    sex: z.enum(SEXES, { error: 'Sexe : champ obligatoire.' }),
    birthDay: optionalInteger('Jour de naissance', 1, 31).optional(),
    birthMonth: optionalInteger('Mois de naissance', 1, 12).optional(),
    birthYear: z.preprocess(
      (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value === '' ? undefined : value),
      z
        .number({ error: 'Année de naissance : champ obligatoire.' })
        .int('Année de naissance : 4 chiffres attendus.')
        .min(1900, 'Année de naissance : 4 chiffres attendus (1900 ou après).')
        .max(9999, 'Année de naissance : 4 chiffres attendus.'),
    ),
    birthCountry: countryName('Pays de naissance'),
    birthPlace: required('Lieu de naissance'),
    nationalities: z
      .array(countryName('Nationalité(s)'), { error: 'Nationalité(s) : champ obligatoire.' })
      .min(1, 'Nationalité(s) : champ obligatoire.')
      .max(5, 'Nationalité(s) : 5 au plus.'),
  })
  .superRefine((value, ctx) => {
    const { birthDay, birthMonth, birthYear } = value;
    if (birthDay && !birthMonth) {
      ctx.addIssue({ code: 'custom', path: ['birthMonth'], message: 'Mois de naissance : à indiquer avec le jour.' });
    } else if (birthDay && birthMonth && birthDay <= 31 && birthMonth <= 12 && !isCalendarDay(birthYear, birthMonth, birthDay)) {
      ctx.addIssue({ code: 'custom', path: ['birthDay'], message: "Date de naissance : cette date n'existe pas." });
    }
    value.nationalities.forEach((nationality, index) => {
      if (value.nationalities.indexOf(nationality) !== index) {
        ctx.addIssue({ code: 'custom', path: ['nationalities', index], message: 'Nationalité(s) : déjà indiquée.' });
      }
    });
  });
export type EtatCivil = z.infer<typeof etatCivilSchema>;

/** A French address: chosen in the official list of communes, or typed by hand (overseas included). */
export const adresseSchema = z.object({
  addressNumber: optionalText('Numéro de voie', 20),
  addressStreet: required('Voie', 200),
  addressComplement: optionalText("Complément d'adresse", 200),
  postalCode: z
    .string({ error: 'Code postal : champ obligatoire.' })
    .trim()
    .regex(/^\d{5}$/, 'Code postal : 5 chiffres attendus.'),
  city: required('Ville'),
  country: z.string().trim().optional().default('France'),
  inseeCode: z
    .string({ error: 'Code INSEE : champ obligatoire.' })
    .trim()
    .toUpperCase()
    .regex(/^(\d{5}|2[AB]\d{3})$/, 'Code INSEE : 5 caractères attendus.'),
});
export type Adresse = z.infer<typeof adresseSchema>;

const emailFormat = z.email();
export const contactSchema = z.object({
  /** Optional in the guide: the account's address is used when empty. */
  email: z
    .string()
    .trim()
    .max(254, 'Adresse e-mail invalide.')
    .refine((value) => value === '' || emailFormat.safeParse(value).success, 'Adresse e-mail invalide.')
    .optional()
    .default(''),
  phone: z
    .string({ error: 'Téléphone : champ obligatoire.' })
    .trim()
    .min(1, 'Téléphone : champ obligatoire.')
    .regex(/^\+?[0-9 .-]{9,20}$/, 'Téléphone : numéro invalide.'),
});
export type Contact = z.infer<typeof contactSchema>;

/** Step 2 of the guide, « Informations personnelles »: état civil, adresse, informations de contact. */
export const informationsPersonnellesSchema = z.object({ etatCivil: etatCivilSchema, adresse: adresseSchema, contact: contactSchema });
export type InformationsPersonnelles = z.infer<typeof informationsPersonnellesSchema>;

/** A ticked box; an unticked one is refused without stopping the other checks of the step. */
const attestation = (message: string) => z.boolean({ error: message }).refine((ticked) => ticked, message);

export const motifSchema = z
  .object({
    entryDate: isoDate("Date d'entrée en France"),
    familySituation: z.enum(FAMILY_SITUATIONS, { error: 'Situation familiale : champ obligatoire.' }),
    unionDate: z.string().nullable().optional(),
    unionCountry: z.string().trim().max(100).nullable().optional(),
    dependentChildren: z.boolean({ error: 'Enfants à charge : champ obligatoire.' }),
    attestNoPolygamy: attestation("L'attestation de non-polygamie est obligatoire."),
    attestPenalties: attestation("L'attestation de connaissance des sanctions pénales est obligatoire."),
  })
  .superRefine((value, ctx) => {
    if (!isInUnion(value.familySituation)) return;
    const union = isoDate("Date de début de l'union").safeParse(value.unionDate ?? '');
    if (!union.success) ctx.addIssue({ code: 'custom', path: ['unionDate'], message: union.error.issues[0]!.message });
    if (!value.unionCountry?.trim())
      ctx.addIssue({ code: 'custom', path: ['unionCountry'], message: "Pays de l'union : champ obligatoire." });
  })
  // The union's date and country belong to Marié(e) and Pacsé(e) only: a change of situation drops them.
  .transform((value) =>
    isInUnion(value.familySituation)
      ? { ...value, unionDate: value.unionDate!.trim(), unionCountry: value.unionCountry!.trim() }
      : { ...value, unionDate: null, unionCountry: null },
  );
export type Motif = z.infer<typeof motifSchema>;

export const ephotoSchema = z
  .string({ error: 'Numéro e-photo : champ obligatoire.' })
  .transform(normalizeEphoto)
  .refine((v) => EPHOTO_PATTERN.test(v), 'Numéro e-photo : 22 caractères (lettres et chiffres) attendus.');

export const observationsSchema = z.string().max(4000, 'Observations : 4000 caractères au plus.').optional().default('');

/**
 * The rules that need today's date (AAAA-MM-JJ, in Paris, from the injected clock) or an earlier
 * step: no date in the future, no entry into France nor union before the birth date.
 */
export type DateContext = { today: string; birth?: BirthDate | null };

export function etatCivilSchemaAt(today: string) {
  return etatCivilSchema.superRefine((value, ctx) => {
    if (earliestBirthDay(value) > today) {
      ctx.addIssue({ code: 'custom', path: ['birthYear'], message: 'Date de naissance : elle ne peut pas être dans le futur.' });
    }
  });
}

export function informationsPersonnellesSchemaAt(today: string) {
  return z.object({ etatCivil: etatCivilSchemaAt(today), adresse: adresseSchema, contact: contactSchema });
}

export function motifSchemaFor({ today, birth }: DateContext) {
  const born = birth ? earliestBirthDay(birth) : null;
  return motifSchema.superRefine((value, ctx) => {
    if (value.entryDate > today) {
      ctx.addIssue({ code: 'custom', path: ['entryDate'], message: "Date d'entrée en France : elle ne peut pas être dans le futur." });
    } else if (born && value.entryDate < born) {
      ctx.addIssue({
        code: 'custom',
        path: ['entryDate'],
        message: "Date d'entrée en France : elle ne peut pas précéder votre date de naissance.",
      });
    }
    if (value.unionDate && value.unionDate > today) {
      ctx.addIssue({ code: 'custom', path: ['unionDate'], message: "Date de début de l'union : elle ne peut pas être dans le futur." });
    } else if (value.unionDate && born && value.unionDate < born) {
      ctx.addIssue({
        code: 'custom',
        path: ['unionDate'],
        message: "Date de début de l'union : elle ne peut pas précéder votre date de naissance.",
      });
    }
  });
}

/** The whole pré-demande as it must be at the deposit. */
export function predemandeSchemaAt(today: string) {
  return z
    .object({
      etatCivil: etatCivilSchemaAt(today),
      adresse: adresseSchema,
      contact: contactSchema,
      motif: z.unknown(),
      ephoto: ephotoSchema,
      observations: observationsSchema,
    })
    .transform((value, ctx) => {
      const motif = motifSchemaFor({ today, birth: value.etatCivil }).safeParse(value.motif);
      if (!motif.success) {
        for (const issue of motif.error.issues) ctx.addIssue({ code: 'custom', path: ['motif', ...issue.path], message: issue.message });
        return z.NEVER;
      }
      return { ...value, motif: motif.data };
    });
}
export type Predemande = z.output<ReturnType<typeof predemandeSchemaAt>>;

/** « Votre démarche en ligne est à N % terminée », by the last step saved (guide: 20 % after step 1, 90 % at the deposit). */
const PROGRESS_BY_SAVED_STEP = [0, 20, 45, 70, 90] as const;
export const LAST_FORM_STEP = 4;
export function progressPercent(lastSavedStep: number): number {
  const step = Math.max(0, Math.min(LAST_FORM_STEP, Math.trunc(lastSavedStep)));
  return PROGRESS_BY_SAVED_STEP[step]!;
}

/** Where « Quitter et revenir plus tard » brings the applicant back: the step after the last one saved. */
export function resumeStep(lastSavedStep: number): number {
  return Math.max(1, Math.min(LAST_FORM_STEP + 1, Math.trunc(lastSavedStep) + 1));
}

/** The guide's six steps. */
export const DEMANDE_STEPS = [
  'Votre situation',
  'Informations personnelles',
  'Motif de séjour',
  'Justificatifs',
  'Dépôt de la demande',
  'Confirmation',
] as const;

/** What agents flag on demo pieces, and the messages they write (« veuillez joindre un autre document »). */
import type { PieceCode, ReviewStatus } from '@em/domain';
import type { Rng } from './random.js';

type FlagStatus = Extract<ReviewStatus, 'manquant' | 'illisible' | 'non_conforme'>;
type Flag = { reviewStatus: FlagStatus; message: string };

const FLAGS: Record<Exclude<PieceCode, 'EPHOTO'>, readonly Flag[]> = {
  JUSTIFICATIF_NATIONALITE: [
    { reviewStatus: 'non_conforme', message: 'passeport expiré, veuillez joindre un document en cours de validité' },
    { reviewStatus: 'illisible', message: "la page d'identité du passeport est illisible, veuillez joindre un autre document" },
    { reviewStatus: 'manquant', message: 'veuillez joindre la copie de votre passeport ou de votre carte consulaire' },
  ],
  JUSTIFICATIF_IDENTITE: [
    { reviewStatus: 'manquant', message: 'veuillez joindre un autre document' },
    {
      reviewStatus: 'non_conforme',
      message: "l'extrait d'acte de naissance ne mentionne pas la filiation, veuillez joindre une copie intégrale",
    },
    { reviewStatus: 'illisible', message: 'document flou, veuillez joindre un scan lisible' },
  ],
  JUSTIFICATIF_ENTREE_REGULIERE: [
    { reviewStatus: 'illisible', message: "le cachet d'entrée n'est pas lisible, veuillez joindre un autre document" },
    { reviewStatus: 'non_conforme', message: "la déclaration sur l'honneur n'est ni datée ni signée" },
  ],
  JUSTIFICATIF_DOMICILE: [
    { reviewStatus: 'non_conforme', message: 'justificatif de plus de 6 mois, veuillez joindre un document récent' },
    {
      reviewStatus: 'non_conforme',
      message: "attestation d'hébergement non signée, veuillez joindre la pièce d'identité et un justificatif de domicile de l'hébergeant",
    },
    { reviewStatus: 'manquant', message: 'veuillez joindre un autre document' },
  ],
  JUSTIFICATIF_RESIDENCE_HABITUELLE: [
    {
      reviewStatus: 'non_conforme',
      message: "les documents couvrent moins d'un an de résidence, veuillez joindre des justificatifs plus anciens",
    },
    { reviewStatus: 'illisible', message: 'pages coupées, veuillez numériser le document entier' },
    { reviewStatus: 'manquant', message: 'veuillez joindre un autre document' },
  ],
};

const FLAG_WEIGHTS = [
  ['JUSTIFICATIF_IDENTITE', 4],
  ['JUSTIFICATIF_DOMICILE', 4],
  ['JUSTIFICATIF_RESIDENCE_HABITUELLE', 3],
  ['JUSTIFICATIF_NATIONALITE', 2],
  ['JUSTIFICATIF_ENTREE_REGULIERE', 1],
] as const satisfies readonly (readonly [Exclude<PieceCode, 'EPHOTO'>, number])[];

/** One or two distinct pieces to flag on a first complement request. */
export function pickFlaggedCodes(rng: Rng): Exclude<PieceCode, 'EPHOTO'>[] {
  const first = rng.weighted(FLAG_WEIGHTS);
  if (!rng.chance(0.3)) return [first];
  const second = rng.weighted(FLAG_WEIGHTS.filter(([code]) => code !== first));
  return [first, second];
}

export function flagFor(rng: Rng, code: PieceCode): Flag {
  if (code === 'EPHOTO') return { reviewStatus: 'non_conforme', message: 'numéro e-photo invalide, veuillez vérifier le code' };
  return rng.pick(FLAGS[code]);
}

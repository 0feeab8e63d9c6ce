import type { FlaggedReviewStatus } from '@em/domain';

/**
 * Phrases an agent picks for the applicant; each ends the line « « CODE » (Document …) : <phrase> »
 * of the complement request e-mail, hence the lower-case start. The first one pre-fills the field.
 */
const FILE_PRESETS: Record<FlaggedReviewStatus, string[]> = {
  manquant: [
    'veuillez joindre un autre document',
    'veuillez joindre le document demandé',
    'veuillez joindre toutes les pages du document (recto et verso)',
  ],
  illisible: [
    'le document est illisible, veuillez le numériser à nouveau',
    'le document est flou ou coupé, veuillez en joindre une copie nette et complète',
  ],
  non_conforme: [
    'le document ne correspond pas à la pièce demandée, veuillez joindre un autre document',
    'le document date de plus de 6 mois, veuillez joindre un document plus récent',
    'le document n’est plus en cours de validité, veuillez joindre un document valide',
  ],
};

/** The e-photo number is typed, not scanned: never illegible (the domain's verdicts for a code). */
const EPHOTO_PRESETS: Partial<Record<FlaggedReviewStatus, string[]>> = {
  manquant: ['veuillez indiquer le numéro e-photo (22 caractères) figurant sur votre planche de photos d’identité'],
  non_conforme: [
    'le numéro e-photo ne correspond à aucune photo, veuillez vérifier et saisir à nouveau les 22 caractères',
    'le numéro e-photo a expiré, veuillez faire réaliser de nouvelles photos et indiquer le nouveau numéro',
  ],
};

export function reviewPresets(code: string, status: FlaggedReviewStatus): string[] {
  return (code === 'EPHOTO' ? EPHOTO_PRESETS : FILE_PRESETS)[status] ?? [];
}

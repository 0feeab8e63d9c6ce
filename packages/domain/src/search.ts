/** Lower-case, accents removed, spaces folded: « Éléonore  N'DIAYE » → « eleonore n'diaye ». */
export function normalizeSearchText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * What a dossier is found by: its names and numéro, folded, after a leading space, so that every
 * word starts after a space and a 2-character word is found as the start of a word (« li » finds LI
 * and LINA, not BENALI) through the trigram index.
 */
export function dossierSearchText(names: readonly (string | null | undefined)[], numero: string | null): string {
  return ` ${normalizeSearchText([...names, numero].filter(Boolean).join(' '))}`;
}

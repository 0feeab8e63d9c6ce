/** Lower-case, accents removed, spaces folded: « Éléonore  N'DIAYE » → « eleonore n'diaye ». */
export function normalizeSearchText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

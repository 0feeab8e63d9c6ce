/** Partial birth dates are allowed (day and month optional). */
export function birthDate(day: number | null | undefined, month: number | null | undefined, year: number | null | undefined): string {
  if (!year) return '—';
  const pad = (n: number) => String(n).padStart(2, '0');
  if (day && month) return `${pad(day)}/${pad(month)}/${year}`;
  if (month) return `${pad(month)}/${year}`;
  return String(year);
}

export const yesNo = (value: boolean | null | undefined): string => (value === true ? 'Oui' : value === false ? 'Non' : '—');

export const fullName = (record: { birth_name?: string | null; first_names?: string[] | null }): string =>
  [record.birth_name, (record.first_names ?? []).join(' ')].filter(Boolean).join(' ');

/** A count as French writes it, thousands apart: 33 336. */
export const count = (value: number): string => value.toLocaleString('fr-FR');

/** An axis' count, short: 80 k. */
export const compactCount = (value: number): string => value.toLocaleString('fr-FR', { notation: 'compact' });

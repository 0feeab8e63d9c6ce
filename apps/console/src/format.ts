import { formatParisDate, PARIS_TZ } from '@em/domain';

/** Parses an ISO instant (or epoch ms) from the API; null when absent or invalid. */
export function toDate(value: string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** « 05/10/2023 » in Europe/Paris, or an em dash. */
export function parisDate(value: string | number | null | undefined): string {
  const date = toDate(value);
  return date ? formatParisDate(date) : '—';
}

const timeFormatter = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS_TZ, hour: '2-digit', minute: '2-digit' });

/** « 05/10/2023 à 14:32 » in Europe/Paris, or an em dash. */
export function parisDateTime(value: string | number | null | undefined): string {
  const date = toDate(value);
  return date ? `${formatParisDate(date)} à ${timeFormatter.format(date)}` : '—';
}

/** A calendar day sent as YYYY-MM-DD (no time zone involved) → « 05/10/2023 ». */
export function calendarDay(value: string | null | undefined): string {
  if (!value) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

/** Partial birth dates are allowed (day and month optional). */
export function birthDate(day: number | null | undefined, month: number | null | undefined, year: number | null | undefined): string {
  if (!year) return '—';
  const pad = (n: number) => String(n).padStart(2, '0');
  if (day && month) return `${pad(day)}/${pad(month)}/${year}`;
  if (month) return `${pad(month)}/${year}`;
  return String(year);
}

/** 1 234 octets → « 1,2 Ko »; « 3,4 Mo ». */
export function fileSize(bytes: number): string {
  const number = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return `${number(Math.max(bytes / 1024, 0.1))} Ko`;
  return `${number(bytes / (1024 * 1024))} Mo`;
}

export const yesNo = (value: boolean | null | undefined): string => (value === true ? 'Oui' : value === false ? 'Non' : '—');

export const fullName = (record: { birth_name?: string | null; first_names?: string[] | null }): string =>
  [record.birth_name, (record.first_names ?? []).join(' ')].filter(Boolean).join(' ');

import { fileTypeLabel, formatParisDate, formatParisLongDate } from '@em/domain';

/** « 05/10/2023 », or an empty string for a missing or unreadable date. */
export function shortDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : formatParisDate(date);
}

/** « jeudi 5 octobre 2023 ». */
export function longDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : formatParisLongDate(date);
}

const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** « 850 ko », « 1,2 Mo ». */
export function fileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${decimal.format(bytes / 1024)} ko`;
  return `${decimal.format(bytes / (1024 * 1024))} Mo`;
}

export const fileType = fileTypeLabel;

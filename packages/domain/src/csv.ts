import { formatParisDate } from './paris-time.js';

/** Exports open in a French spreadsheet as they are: UTF-8 with its BOM, « ; » between fields, CRLF lines. */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

/**
 * One field: quoted when it holds the separator, a quote or a line break; a text starting like a
 * formula (= + - @) gets a leading apostrophe so a spreadsheet shows it rather than runs it.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'boolean' ? (value ? 'oui' : 'non') : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(fields: readonly (string | number | boolean | null | undefined)[]): string {
  return `${fields.map(csvField).join(CSV_SEPARATOR)}\r\n`;
}

/** A date as JJ/MM/AAAA in Paris, empty when absent. */
export function csvDate(instant: Date | null | undefined): string {
  return instant ? formatParisDate(instant) : '';
}

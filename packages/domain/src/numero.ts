import { parisDay } from './paris-time.js';

/**
 * Domain §6: département (2 or 3 characters, padded to 2) + "01" + deposit date YYYYMMDD +
 * a 7-digit sequence that carries on across days. Example: 5901202310050000316.
 */
export function formatNumero(departement: string, depositedAt: Date, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9_999_999) {
    throw new RangeError(`sequence out of range: ${sequence}`);
  }
  const head = numeroHead(departement);
  // Never issue a numéro that parseNumero could not read back.
  if (!DEPARTEMENT_PATTERN.test(head.slice(0, -2))) throw new RangeError(`invalid département: ${departement}`);
  const day = parisDay(depositedAt);
  const date = `${day.year}${String(day.month).padStart(2, '0')}${String(day.day).padStart(2, '0')}`;
  return `${head}${date}${String(sequence).padStart(7, '0')}`;
}

/** How every numéro of a département starts: its code (padded to 2 characters), then « 01 ». */
export function numeroHead(departement: string): string {
  const code = departement.trim().toUpperCase();
  return `${/^\d$/.test(code) ? `0${code}` : code}01`;
}

/** Every code departementFromInsee can return: 01–95, 2A, 2B, and the 3-digit overseas codes 971–989. */
const DEPARTEMENT_PATTERN = /^(\d{2}|2A|2B|9[78]\d)$/;

export const NUMERO_PATTERN = /^(\d{2}|2A|2B|9[78]\d)01(\d{8})(\d{7})$/;

export function parseNumero(numero: string): { departement: string; date: string; sequence: number } | null {
  const match = NUMERO_PATTERN.exec(numero);
  if (!match) return null;
  return { departement: match[1]!, date: match[2]!, sequence: Number(match[3]) };
}

/** Département of a commune from its INSEE code: 59350 → 59, 2A004 → 2A, 97411 → 974. */
export function departementFromInsee(insee: string): string | null {
  const code = insee.trim().toUpperCase();
  if (!/^(\d{5}|2[AB]\d{3})$/.test(code)) return null;
  return code.startsWith('97') || code.startsWith('98') ? code.slice(0, 3) : code.slice(0, 2);
}

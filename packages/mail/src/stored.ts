import { type PieceCode, pieceCodeFromStored, STORED_PIECE_CODES } from '@em/domain';
import { emailSubject, renderEmail } from './templates.js';
import type { Addressee, TemplateData, TemplateName } from './types.js';

/**
 * The version of these templates, stored with each e-mail: a change to a template's wording bumps it
 * and keeps the former rendering for the e-mails already written (an e-mail reads as it was sent).
 */
export const TEMPLATE_VERSION = 1;

/**
 * The data's keys as stored: a letter or two instead of the name, on two million rows at a million
 * dossiers. Fixed for good, since stored rows keep them; a new key takes a new short name. No short
 * name is also a full one, so the data of e-mails written before keeps reading as it is.
 */
const STORED_KEYS = {
  to: 't',
  firstNames: 'f',
  birthName: 'b',
  numero: 'n',
  pieces: 'p',
  missingPieces: 'q',
  code: 'c',
  label: 'l',
  reviewStatus: 's',
  message: 'm',
  depositedAt: 'd',
  deadline: 'e',
  receivedAt: 'a',
  closedAt: 'k',
  completedAt: 'z',
  expiresAt: 'x',
  dayOnly: 'y',
  late: 'la',
  receiptUrl: 'u',
  resumeUrl: 'r',
  portalUrl: 'o',
  loginUrl: 'g',
  resetUrl: 'w',
  email: 'em',
  provisionalPassword: 'pw',
} as const;
const SHORT_KEYS = new Map<string, string>(Object.entries(STORED_KEYS));
const FULL_KEYS = new Map<string, string>(Object.entries(STORED_KEYS).map(([full, short]) => [short, full]));
const DATE_KEYS = new Set(['depositedAt', 'deadline', 'receivedAt', 'closedAt', 'completedAt', 'expiresAt']);
/** The e-mails written before the short form kept their dates as ISO instants, under any key. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function encode(value: unknown, key: string): unknown {
  if (value instanceof Date) return value.getTime();
  if (Array.isArray(value)) return value.map((item) => encode(item, key));
  if (value && typeof value === 'object') {
    const stored: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) {
      const short = SHORT_KEYS.get(name);
      if (short === undefined) throw new Error(`No stored name for the e-mail data key ${name}`);
      stored[short] = encode(item, name);
    }
    return stored;
  }
  if (key === 'code' && typeof value === 'string') return STORED_PIECE_CODES[value as PieceCode] ?? value;
  return value;
}

function decode(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value.map((item) => decode(item, key));
  if (value && typeof value === 'object') {
    const data: Record<string, unknown> = {};
    for (const [stored, item] of Object.entries(value)) {
      const name = FULL_KEYS.get(stored) ?? stored;
      data[name] = decode(item, name);
    }
    return data;
  }
  if (typeof value === 'number' && DATE_KEYS.has(key)) return new Date(value);
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return new Date(value);
  if (key === 'code' && typeof value === 'string') return pieceCodeFromStored(value) ?? value;
  return value;
}

/**
 * A template's data as stored (JSON, short keys, piece codes in a few letters, dates as epoch
 * milliseconds). Of the addressee, only what the greeting uses: a whole record passed as `to`
 * (address, telephone…) would otherwise be copied into every e-mail row. Without the numéro: the
 * e-mail row belongs to its dossier, whose numéro never changes once given, and is read with it.
 */
export function storedData(data: TemplateData[TemplateName]): string {
  const { numero: _numero, ...kept } = data as TemplateData[TemplateName] & { numero?: string };
  if (!('to' in kept) || !kept.to) return JSON.stringify(encode(kept, ''));
  const to: Addressee = { firstNames: kept.to.firstNames, birthName: kept.to.birthName };
  return JSON.stringify(encode({ ...kept, to }, ''));
}

/**
 * A template's data as `storedData` wrote it, with `numero`, its dossier's numéro (null for the
 * account e-mails), or as the e-mails written before the short form kept it, numéro included.
 */
export function readStoredData<T extends TemplateName>(stored: string, numero: string | null): TemplateData[T] {
  const data = decode(JSON.parse(stored), '') as Record<string, unknown>;
  return (numero === null || 'numero' in data ? data : { ...data, numero }) as TemplateData[T];
}

/** An outbox row as read: `numero` is its dossier's (null for the account e-mails, which belong to none). */
type StoredEmail = { template: TemplateName; data: string | null; numero: string | null; subject: string; text: string; html: string };

/** A stored e-mail's subject: rendered from its template and data, or, for an e-mail written before the data was kept, as stored. */
export function storedEmailSubject(row: Omit<StoredEmail, 'text' | 'html'>): string {
  return row.data === null ? row.subject : emailSubject(row.template, readStoredData(row.data, row.numero));
}

/** A stored e-mail's subject and bodies, rendered from its template and data, or as stored for an e-mail written before the data was kept. */
export function storedEmailContent(row: StoredEmail): { subject: string; text: string; html: string } {
  if (row.data === null) return { subject: row.subject, text: row.text, html: row.html };
  return renderEmail(row.template, readStoredData(row.data, row.numero));
}

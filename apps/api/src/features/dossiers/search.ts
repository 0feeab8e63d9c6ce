import { schema } from '@em/db';
import { NUMERO_PATTERN, normalizeSearchText } from '@em/domain';
import { eq, type SQL, sql } from 'drizzle-orm';
import { badRequest } from '../../http/errors.js';

const { dossiers } = schema;

/** A name and a numéro, or two names: far more than a person types; each word is one LIKE. */
export const MAX_SEARCH_WORDS = 8;
export const MAX_SEARCH_LENGTH = 100;

/** A user's text inside a LIKE pattern, its wildcards taken literally (with `ESCAPE '\\'`). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** What the trigram index looks up: 3 characters, the leading space of a word start included. */
const TRIGRAM = 3;

/** Rows of dossiers_search are numbered partition × 2^32 + dossier id (migration 0011). */
const PARTITION_SPAN = sql.raw('4294967296');

/** The first row number of a préfecture's partition of dossiers_search: the expression of migration 0011. */
function partitionStart(prefectureCode: string): SQL {
  const character = (position: number) => sql`coalesce(unicode(substr(${prefectureCode}, ${position}, 1)), 0)`;
  return sql`((${character(1)} * 65536 + ${character(2)} * 256 + ${character(3)}) * ${PARTITION_SPAN})`;
}

/** The dossiers whose names or numéro match every phrase, within one préfecture's partition when it is known. */
function indexMatches(match: string, prefectureCode: string | undefined): SQL {
  const partition =
    prefectureCode === undefined
      ? sql``
      : sql` AND rowid >= ${partitionStart(prefectureCode)} AND rowid < ${partitionStart(prefectureCode)} + ${PARTITION_SPAN}`;
  return sql`${dossiers.id} IN (SELECT rowid % ${PARTITION_SPAN} FROM dossiers_search WHERE dossiers_search MATCH ${match}${partition})`;
}

/**
 * Each word must appear in the dossier's names or numéro. A whole numéro is looked up on its unique
 * index; a word of 3 characters or more anywhere, through the FTS5 trigram index (`dossiers_search`,
 * migration 0006); a 2-character word as the start of a word (« li » finds LI and LINA, not
 * BENALI), through the same index since every word follows a space (dossierSearchText); all of
 * them in one MATCH. A single character starts a word too, matched by LIKE over the rows the rest
 * selects (a scan when typed alone).
 */
function wordConditions(words: string[], prefectureCode: string | undefined): SQL[] {
  const conditions: SQL[] = [];
  const phrases: string[] = [];
  for (const word of words) {
    const length = [...word].length;
    if (NUMERO_PATTERN.test(word.toUpperCase())) conditions.push(eq(dossiers.numero, word.toUpperCase()));
    else if (length >= TRIGRAM) phrases.push(`"${word.replaceAll('"', '""')}"`);
    else if (length === TRIGRAM - 1) phrases.push(`" ${word.replaceAll('"', '""')}"`);
    else conditions.push(sql`${dossiers.searchText} LIKE ${`% ${escapeLike(word)}%`} ESCAPE '\\'`);
  }
  if (phrases.length > 0) {
    conditions.push(indexMatches(phrases.join(' '), prefectureCode));
  }
  return conditions;
}

/**
 * The conditions of the search box's text (`q`); none when it is empty. `prefectureCode`, when every
 * dossier listed belongs to that préfecture, narrows the index read to its partition.
 */
export function searchConditions(q: unknown, prefectureCode?: string): SQL[] {
  if (q !== undefined && typeof q !== 'string') throw badRequest('Recherche invalide : texte attendu.');
  if (!q?.trim()) return [];
  const words = normalizeSearchText(q).split(' ');
  if (q.length > MAX_SEARCH_LENGTH || words.length > MAX_SEARCH_WORDS) {
    throw badRequest(`Recherche trop longue : ${MAX_SEARCH_WORDS} mots et ${MAX_SEARCH_LENGTH} caractères au plus.`);
  }
  return wordConditions(words, prefectureCode);
}

/**
 * Is this list a text search through the trigram index? Such a search is driven by its matches,
 * each looked up by id (the dossiers table read NOT INDEXED): left to itself, SQLite walks the
 * whole préfecture through an index and tests every dossier against the matches (110 ms for
 * « diallo » in the Nord at a million dossiers). A whole numéro keeps its unique index.
 */
export function isTrigramSearch(filter: Record<string, unknown>): boolean {
  if (typeof filter.q !== 'string') return false;
  const words = normalizeSearchText(filter.q).split(' ');
  const numero = words.some((word) => NUMERO_PATTERN.test(word.toUpperCase()));
  return !numero && words.some((word) => [...word].length >= TRIGRAM - 1);
}

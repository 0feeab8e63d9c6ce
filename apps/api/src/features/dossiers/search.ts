import { SEARCH_PARTITION_SPAN, SEARCH_STATUS_CODES, SEARCH_STATUS_SPAN, schema, searchPartitionStart } from '@em/db';
import { NUMERO_PATTERN, NUMERO_SEARCH_DIGITS, normalizeSearchText, numeroHead, numeroStartsContaining } from '@em/domain';
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

/** Rows of dossiers_search are numbered partition × 2^32 + dossier id × 16 + status (SEARCH_STATUS_CODES). */
const PARTITION_SPAN = sql.raw(String(SEARCH_PARTITION_SPAN));

/** The status number of a row of dossiers_search (SEARCH_STATUS_CODES). */
export const ROW_STATUS_CODE = sql.raw(`(rowid % ${SEARCH_STATUS_SPAN})`);

/** The dossier id of a row of dossiers_search. */
const ROW_DOSSIER_ID = sql.raw(`(rowid % ${SEARCH_PARTITION_SPAN} / ${SEARCH_STATUS_SPAN})`);

/**
 * Where a search looks: a préfecture's partition of the index, when every dossier listed is of it;
 * the statuses listed, when not every deposited one (a tab, a status filter).
 */
export type SearchScope = { prefectureCode?: string; statuses?: readonly string[] };

/** The rows of dossiers_search an index lookup reads: those of the MATCH, within its scope. */
function indexMatch(match: string, { prefectureCode, statuses }: SearchScope): SQL {
  const conditions = [sql`dossiers_search MATCH ${match}`];
  if (prefectureCode !== undefined) {
    const start = searchPartitionStart(sql`${prefectureCode}`);
    conditions.push(sql`rowid >= ${start} AND rowid < ${start} + ${PARTITION_SPAN}`);
  }
  const codes = Object.entries(SEARCH_STATUS_CODES).filter(([status]) => !statuses || statuses.includes(status));
  if (codes.length < Object.keys(SEARCH_STATUS_CODES).length) {
    conditions.push(
      sql`${ROW_STATUS_CODE} IN (${sql.join(
        codes.map(([, code]) => sql.raw(String(code))),
        sql`, `,
      )})`,
    );
  }
  return sql.join(conditions, sql` AND `);
}

const quoted = (phrase: string) => `"${phrase.replaceAll('"', '""')}"`;

/** Digits only: part of a numéro (a whole one is looked up on its unique index). */
const DIGITS = /^\d+$/;

/** The digits of a longer part of a numéro that the index looks up (see searchWords). */
const NUMERO_TAIL = 5;

/** The first numéro of the département at or after `from` (« …01… » < « …02 »): one seek in the numéros' unique index. */
const firstNumeroFrom = (from: SQL, head: string) =>
  sql`(SELECT numero FROM ${dossiers} WHERE numero >= ${from} AND numero < ${`${head.slice(0, -1)}2`} ORDER BY numero LIMIT 1)`;

/**
 * The dossiers (id, numero) of a préfecture whose numéro holds these digits (8 or more), found by the
 * starts such numéros have (numeroStartsContaining), each looked up as a range of the numéros' unique
 * index, a dated start once per year of the préfecture's numéros (read by skipping from one year to
 * the next), without reading a dossier. A préfecture's numéros all start with its code: given at
 * deposit (deposit.ts), never changed since. « 20261116 » in the Nord at a million: 51 ranges, 0.5 ms.
 */
function numerosContaining(digits: string, prefectureCode: string): SQL {
  const head = numeroHead(prefectureCode);
  const { known, dated } = numeroStartsContaining(digits, prefectureCode);
  const yearAt = head.length + 1;
  return sql`WITH RECURSIVE years(year) AS (
      SELECT substr(${firstNumeroFrom(sql`${head}`, head)}, ${yearAt}, 4)
      UNION ALL
      SELECT substr(${firstNumeroFrom(sql`${head} || (year + 1)`, head)}, ${yearAt}, 4) FROM years WHERE year IS NOT NULL
    ), starts(start) AS (
      SELECT ${head} || substr(year, 1, spec.value ->> 'yearDigits') || tail.value || ${digits}
        FROM years, json_each(${JSON.stringify(dated)}) AS spec, json_each(spec.value -> 'tails') AS tail
        WHERE year IS NOT NULL
      UNION ALL SELECT value FROM json_each(${JSON.stringify(known)})
    )
    SELECT found.id, found.numero FROM starts, ${dossiers} AS found
      WHERE found.numero >= start AND found.numero < substr(start, 1, length(start) - 1) || char(unicode(substr(start, -1)) + 1)`;
}

/**
 * A search of digits in a préfecture's numéros: its matches (id, numero), their ids as a subquery,
 * and where a numéro's deposit date begins (1-based).
 */
export type NumeroDigitsSearch = { prefectureCode: string; found: SQL; ids: SQL; dateAt: number };

/**
 * A search's words: the phrases of one MATCH, and the conditions each dossier found must meet
 * besides. A whole numéro is looked up on its unique index; a word of 3 characters or more anywhere,
 * through the FTS5 trigram index (`dossiers_search`, migrations 0006, 0011, 0024); a 2-character
 * word as the start of a word (« li » finds LI and LINA, not BENALI), through the same index since
 * every word follows a space (dossierSearchText). A single character starts a word too, matched
 * by LIKE over the rows the rest selects (a scan when typed alone). 8 digits or more, in one
 * préfecture, are looked up in its numéros' index (numerosContaining); across préfectures, as
 * fewer digits, through the trigram index.
 */
function searchWords(
  words: string[],
  prefectureCode?: string,
): { phrases: string[]; conditions: SQL[]; numero: boolean; ranged?: NumeroDigitsSearch } {
  const phrases: string[] = [];
  const conditions: SQL[] = [];
  let numero = false;
  let ranged: NumeroDigitsSearch | undefined;
  for (const word of words) {
    const length = [...word].length;
    if (NUMERO_PATTERN.test(word.toUpperCase())) {
      conditions.push(eq(dossiers.numero, word.toUpperCase()));
      numero = true;
    } else if (DIGITS.test(word) && length >= NUMERO_SEARCH_DIGITS && prefectureCode !== undefined) {
      const found = numerosContaining(word, prefectureCode);
      ranged = { prefectureCode, found, ids: sql`(SELECT id FROM (${found}))`, dateAt: numeroHead(prefectureCode).length + 1 };
      conditions.push(sql`${dossiers.id} IN ${ranged.ids}`);
    } else if (DIGITS.test(word) && length > NUMERO_TAIL) {
      // A numéro's first digits (département, « 01 », year and month of the deposit) are those of
      // most numéros of its préfecture, and FTS5 reads the whole list of each trigram of a phrase:
      // « 20261116 » took 41 ms in the Nord at a million dossiers. Its last 5 digits (3 trigrams)
      // find about as few dossiers for 13 ms, each then checked for the whole word.
      phrases.push(quoted(word.slice(-NUMERO_TAIL)));
      conditions.push(sql`${dossiers.searchText} LIKE ${`%${word}%`}`);
    } else if (length >= TRIGRAM) phrases.push(quoted(word));
    else if (length === TRIGRAM - 1) phrases.push(quoted(` ${word}`));
    else conditions.push(sql`${dossiers.searchText} LIKE ${`% ${escapeLike(word)}%`} ESCAPE '\\'`);
  }
  return { phrases, conditions, numero, ranged };
}

/**
 * The search box's text (`q`) as SQL: the `conditions` a dossier found meets (none when the text
 * is blank); `drivenByMatches` when it goes through the index and not a numéro's own (isTrigramSearch);
 * `indexed`, when the index alone decides the search (each word one of its phrases: no
 * numéro, no part of one, no single letter), its rows of the index (to count them) and whether a
 * dossier is one of them, tested on each row of a list that walks another index (`+id`: never the way in);
 * `undated` unless a word is digits, which may be a deposit date's and found together in deposit order.
 * The index holds the deposited dossiers only (0024), those staff may see, by préfecture and status:
 * `scope` narrows what it reads. `ranged`, when the text is 8 digits or more searched in one
 * préfecture: its matches from the numéros' index, and whether a dossier is one of them (numero-walk.ts).
 */
export function dossierSearch(
  q: unknown,
  scope: SearchScope = {},
): {
  conditions: SQL[];
  drivenByMatches: boolean;
  indexed?: { match: SQL; isFound: SQL; undated: boolean };
  ranged?: NumeroDigitsSearch & { isFound: SQL };
} {
  if (q !== undefined && typeof q !== 'string') throw badRequest('Recherche invalide : texte attendu.');
  if (!q?.trim()) return { conditions: [], drivenByMatches: false };
  const words = normalizeSearchText(q).split(' ');
  if (q.length > MAX_SEARCH_LENGTH || words.length > MAX_SEARCH_WORDS) {
    throw badRequest(`Recherche trop longue : ${MAX_SEARCH_WORDS} mots et ${MAX_SEARCH_LENGTH} caractères au plus.`);
  }
  const { phrases, conditions, numero, ranged } = searchWords(words, scope.prefectureCode);
  if (phrases.length === 0) {
    return {
      conditions,
      drivenByMatches: ranged !== undefined && !numero,
      // The digits alone: their matches are the list's, whatever else it filters.
      ...(ranged && conditions.length === 1 && { ranged: { ...ranged, isFound: sql`+${dossiers.id} IN ${ranged.ids}` } }),
    };
  }
  const match = indexMatch(phrases.join(' '), scope);
  const found = sql`(SELECT ${ROW_DOSSIER_ID} FROM dossiers_search WHERE ${match})`;
  return {
    conditions: [...conditions, sql`${dossiers.id} IN ${found}`],
    drivenByMatches: !numero,
    ...(conditions.length === 0 && {
      indexed: { match, isFound: sql`+${dossiers.id} IN ${found}`, undated: !words.some((word) => DIGITS.test(word)) },
    }),
  };
}

/** The conditions of the search box's text (`q`); none when it is empty. */
export const searchConditions = (q: unknown, scope?: SearchScope): SQL[] => dossierSearch(q, scope).conditions;

/**
 * Is this list a search its matches drive (the trigram index's, or a numéro's digits in the numéros'
 * index: dossierSearch's `drivenByMatches`, the same either way)? Each match is then looked up by id
 * (the dossiers table read NOT INDEXED): left to itself, SQLite walks the whole préfecture through an
 * index and tests every dossier against the matches (110 ms for « diallo » in the Nord at a million
 * dossiers). A whole numéro keeps its unique index.
 */
export const isTrigramSearch = (filter: Record<string, unknown>): boolean => dossierSearch(filter.q).drivenByMatches;

/**
 * Values repeated on millions of rows, stored as short codes and read and written as themselves
 * through Drizzle (`storedAs`). The audit events' action, actor role and status words are small
 * integers (migration 0015): one byte instead of up to 26. Codes are fixed for good, since stored
 * rows keep them: a new action, role or status takes the next free number, and a migration adds it
 * to the view `event_log` (0015), the events with their words, which raw SQL reads.
 */
import {
  type ActorRole,
  type EventAction,
  pieceCodeFromStored,
  type RequestedPiece,
  type ReviewStatus,
  STORED_PIECE_CODES,
  type Status,
} from '@em/domain';
import { customType } from 'drizzle-orm/sqlite-core';

export const STORED_EVENT_ACTIONS: Readonly<Record<EventAction, number>> = {
  deposit: 1,
  abandon: 2,
  take: 3,
  review_piece: 4,
  request_complement: 5,
  reminder: 6,
  add_file: 7,
  remove_file: 8,
  replace_ephoto: 9,
  remove_ephoto: 10,
  attach_received_file: 11,
  submit_complements: 12,
  complete: 13,
  close_incomplete: 14,
  assign: 15,
  deadline_started: 16,
  correct_email: 17,
  resend_complement_request: 18,
  staff_create: 19,
  staff_update: 20,
  staff_deactivate: 21,
  staff_reactivate: 22,
  staff_password_reset: 23,
  prefecture_auto_close: 24,
};

export const STORED_ACTOR_ROLES: Readonly<Record<ActorRole, number>> = { agent: 1, superviseur: 2, admin: 3, usager: 4, systeme: 5 };

/** The words an event's before and after hold most: a dossier's status, a piece's review. */
export const STORED_EVENT_STATES: Readonly<Record<Status | ReviewStatus, number>> = {
  brouillon: 1,
  deposee: 2,
  en_examen: 3,
  complement_demande: 4,
  complement_recu: 5,
  complete: 6,
  cloturee_incomplete: 7,
  abandonnee: 8,
  a_verifier: 9,
  conforme: 10,
  manquant: 11,
  illisible: 12,
  non_conforme: 13,
};

const valuesOf = <Value extends string, Code>(codes: Readonly<Record<Value, Code>>) =>
  new Map(Object.entries(codes).map(([value, code]) => [code as Code, value as Value]));

/** A column that holds one of `codes`' values as its code: a number (`integer`) or a few letters (`text`). */
export function storedAs<Value extends string, Code extends number | string>(
  what: string,
  dataType: Code extends number ? 'integer' : 'text',
  codes: Readonly<Record<Value, Code>>,
) {
  const values = valuesOf(codes);
  return customType<{ data: Value; driverData: Code }>({
    dataType: () => dataType,
    toDriver: (value) => codes[value],
    fromDriver: (code) => {
      const value = values.get(code);
      if (value === undefined) throw new Error(`unknown stored ${what}: ${code}`);
      return value;
    },
  });
}

const stateWords = valuesOf(STORED_EVENT_STATES);

/**
 * How an event's before or after is stored: a status word as its number, anything else as it is.
 * A bigint, which better-sqlite3 binds as an integer: a JS number is bound as a real, which a
 * column without affinity would keep in 8 bytes.
 */
export const storedEventState = (value: string): bigint | string => {
  const code = STORED_EVENT_STATES[value as Status | ReviewStatus];
  return code === undefined ? value : BigInt(code);
};

/**
 * An event's before or after: a status word as its number, any other value (an e-photo number, a
 * role, an address) as its text. No type affinity (`blob`), so SQLite keeps each value as given.
 */
export const eventState = customType<{ data: string; driverData: bigint | number | string }>({
  dataType: () => 'blob',
  toDriver: storedEventState,
  fromDriver: (stored) => {
    if (typeof stored === 'string') return stored;
    const word = stateWords.get(Number(stored));
    if (word === undefined) throw new Error(`unknown stored event state: ${stored}`);
    return word;
  },
});

/** A requested piece as stored: its code short (STORED_PIECE_CODES), its review status as its number. */
type StoredRequestedPiece = { c: string; s: number; m: string };

/**
 * A complement request's pieces as stored: `[{ c, s, m }]`, the code short and the review
 * status as its number, about 45 bytes less a piece than `{ code, reviewStatus, message }`, which
 * the requests written before keep and read as they are.
 */
export function storedRequestedPieces(pieces: readonly RequestedPiece[]): string {
  return JSON.stringify(
    pieces.map((p): StoredRequestedPiece => ({ c: STORED_PIECE_CODES[p.code], s: STORED_EVENT_STATES[p.reviewStatus], m: p.message })),
  );
}

export function readRequestedPieces(stored: string): RequestedPiece[] {
  return (JSON.parse(stored) as (StoredRequestedPiece | RequestedPiece)[]).map((p) => {
    if ('code' in p) return p;
    const code = pieceCodeFromStored(p.c);
    const reviewStatus = stateWords.get(p.s);
    if (!code || !reviewStatus) throw new Error(`unknown stored requested piece: ${JSON.stringify(p)}`);
    return { code, reviewStatus: reviewStatus as RequestedPiece['reviewStatus'], message: p.m };
  });
}

export const requestedPiecesColumn = customType<{ data: RequestedPiece[]; driverData: string }>({
  dataType: () => 'text',
  toDriver: storedRequestedPieces,
  fromDriver: readRequestedPieces,
});

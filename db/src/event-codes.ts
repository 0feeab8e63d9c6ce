/**
 * The words repeated on millions of audit events, stored as small integers (migration 0015): an
 * action, a role or a status word takes one byte instead of up to 26. Fixed for good, since stored
 * rows keep them: a new action, role or status takes the next free number, and a migration adds it
 * to the view `event_log` (0015), the events with their words, which raw SQL reads. The application
 * reads and writes the words through Drizzle.
 */
import type { ActorRole, EventAction, ReviewStatus, Status } from '@em/domain';
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

const wordsOf = <Word extends string>(codes: Readonly<Record<Word, number>>) =>
  new Map(Object.entries(codes).map(([word, code]) => [code as number, word as Word]));

/** A column that holds one of `codes`' words as its number. */
export function codedWord<Word extends string>(what: string, codes: Readonly<Record<Word, number>>) {
  const words = wordsOf(codes);
  return customType<{ data: Word; driverData: number; notNull: true }>({
    dataType: () => 'integer',
    toDriver: (word) => codes[word],
    fromDriver: (code) => {
      const word = words.get(code);
      if (word === undefined) throw new Error(`unknown stored ${what}: ${code}`);
      return word;
    },
  });
}

const stateWords = wordsOf(STORED_EVENT_STATES);

/** How an event's before or after is stored: a status word as its number, anything else as it is. */
export const storedEventState = (value: string): number | string => STORED_EVENT_STATES[value as Status | ReviewStatus] ?? value;

/**
 * An event's before or after: a status word as its number, any other value (an e-photo number, a
 * role, an address) as its text. No type affinity (`blob`), so SQLite keeps each value as given.
 */
export const eventState = customType<{ data: string; driverData: number | string }>({
  dataType: () => 'blob',
  toDriver: storedEventState,
  fromDriver: (stored) => {
    if (typeof stored !== 'number') return stored;
    const word = stateWords.get(stored);
    if (word === undefined) throw new Error(`unknown stored event state: ${stored}`);
    return word;
  },
});

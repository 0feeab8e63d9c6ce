/**
 * The dates of each demo dossier's life, relative to `now`: deposit, take, complement rounds,
 * completion or closure. Pure data, computed before anything is written so that numéros can be
 * issued in deposit order.
 */
import { complementDeadline, reminderDueAt, type Status } from '@em/domain';
import type { DemoPrefectureCode } from './people.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, Rng } from './random.js';

export type Round = {
  sentAt: number;
  deadlineAt: number;
  reminderSentAt: number | null;
  answeredAt: number | null;
  answeredLate: boolean;
  /** The request's e-mail was accepted for delivery (its deadline runs); false: it failed, no deadline runs. */
  delivered: boolean;
};

export type Timeline = {
  index: number;
  status: Status;
  prefectureCode: DemoPrefectureCode;
  /** Account and dossier creation. */
  createdAt: number;
  lastSavedStep: number;
  abandonedAt: number | null;
  depositedAt: number | null;
  takenAt: number | null;
  rounds: Round[];
  completedAt: number | null;
  closedAt: number | null;
};

/** One block of 20 dossiers: every status, weighted like a préfecture's real caseload. */
const STATUS_BLOCK: readonly Status[] = [
  ...Array<Status>(2).fill('brouillon'),
  'abandonnee',
  ...Array<Status>(4).fill('deposee'),
  ...Array<Status>(3).fill('en_examen'),
  ...Array<Status>(4).fill('complement_demande'),
  ...Array<Status>(2).fill('complement_recu'),
  ...Array<Status>(3).fill('complete'),
  'cloturee_incomplete',
];

/**
 * Generated dossiers still « à traiter » were deposited within this many days: the demo
 * applicant's own dossier is older, so it heads the console's queue (sorted by deposit, oldest first).
 */
export const DEPOSEE_MAX_AGE_DAYS = 12;

/** An instant during office hours on the same day (07:00–16:00 UTC, 08/09h–17/18h in Paris), kept within [lo, hi]. */
function staffTime(rng: Rng, lo: number, hi: number): number {
  const t = between(rng, lo, hi);
  const day = Math.floor(t / DAY_MS) * DAY_MS;
  const snapped = day + 7 * HOUR_MS + Math.floor(rng.next() * 9 * HOUR_MS);
  return snapped >= lo && snapped <= hi ? snapped : t;
}

/** An instant at a waking hour (06:00–21:00 UTC) on the same day, kept within [lo, hi]. */
function applicantTime(rng: Rng, lo: number, hi: number): number {
  const t = between(rng, lo, hi);
  const day = Math.floor(t / DAY_MS) * DAY_MS;
  const snapped = day + 6 * HOUR_MS + Math.floor(rng.next() * 15 * HOUR_MS);
  return snapped >= lo && snapped <= hi ? snapped : t;
}

function between(rng: Rng, lo: number, hi: number): number {
  return hi > lo ? lo + Math.floor(rng.next() * (hi - lo)) : lo;
}

function makeRound(sentAt: number, prefectureCode: string, now: number, answeredAt: number | null, answeredLate = false): Round {
  const deadlineAt = complementDeadline(new Date(sentAt), prefectureCode).getTime();
  const due = reminderDueAt(new Date(deadlineAt)).getTime();
  // The reminder job sends it when due, unless the pieces came first.
  const reminderSentAt = due <= now && due > sentAt && (answeredAt === null || answeredAt > due) ? due + 5 * MINUTE_MS : null;
  return { sentAt, deadlineAt, reminderSentAt, answeredAt, answeredLate, delivered: true };
}

type Kind = 'expired' | 'soon' | 'running';
const KINDS: readonly Kind[] = ['expired', 'soon', 'running'];

/** When the last complement request of a `complement_demande` dossier was sent. */
function pendingRequestSentAt(rng: Rng, kind: Kind, now: number, prefectureCode: string): number {
  if (kind === 'expired') return staffTime(rng, now - 60 * DAY_MS, now - 20 * DAY_MS);
  if (kind === 'running') return staffTime(rng, now - 8 * DAY_MS, now - HOUR_MS);
  // Due within five days: walk back from a recent sending until the deadline falls in (now, now + 5 days].
  for (let daysAgo = 9; daysAgo <= 16; daysAgo++) {
    const sentAt = staffTime(rng, now - daysAgo * DAY_MS - 4 * HOUR_MS, now - daysAgo * DAY_MS + 4 * HOUR_MS);
    const deadline = complementDeadline(new Date(sentAt), prefectureCode).getTime();
    if (deadline > now && deadline <= now + 5 * DAY_MS) return sentAt;
  }
  return now - 12 * DAY_MS;
}

/** An earlier, answered round before `nextSentAt` (a second request after the first answer). */
function earlierRound(rng: Rng, nextSentAt: number, prefectureCode: string, now: number): Round {
  const sentAt = staffTime(rng, nextSentAt - 30 * DAY_MS, nextSentAt - 18 * DAY_MS);
  const deadlineAt = complementDeadline(new Date(sentAt), prefectureCode).getTime();
  const answeredAt = applicantTime(rng, sentAt + DAY_MS, Math.min(deadlineAt, nextSentAt - DAY_MS));
  return makeRound(sentAt, prefectureCode, now, answeredAt);
}

/** Deposit and take before the first request (or before `firstAction`). */
function depositAndTake(rng: Rng, firstAction: number, maxDaysBefore: number): { depositedAt: number; takenAt: number } {
  const depositedAt = applicantTime(rng, firstAction - maxDaysBefore * DAY_MS, firstAction - 2 * DAY_MS);
  const takenAt = staffTime(rng, depositedAt + HOUR_MS, firstAction - HOUR_MS);
  return { depositedAt, takenAt };
}

/** Plans the life of generated dossier `index`, the `ordinal`-th of its status. */
export function planTimeline(index: number, status: Status, ordinal: number, nowDate: Date): Timeline {
  const now = nowDate.getTime();
  const rng = new Rng('timeline', index);
  const prefectureCode: DemoPrefectureCode = ordinal % 2 === 0 ? '59' : '75';
  const t: Timeline = {
    index,
    status,
    prefectureCode,
    createdAt: 0,
    lastSavedStep: 5,
    abandonedAt: null,
    depositedAt: null,
    takenAt: null,
    rounds: [],
    completedAt: null,
    closedAt: null,
  };

  switch (status) {
    case 'brouillon':
      t.createdAt = between(rng, now - 45 * DAY_MS, now - HOUR_MS);
      t.lastSavedStep = rng.weighted([
        [1, 1],
        [2, 2],
        [3, 2],
        [4, 2],
      ]);
      return t;
    case 'abandonnee':
      t.createdAt = between(rng, now - 150 * DAY_MS, now - 10 * DAY_MS);
      t.lastSavedStep = rng.weighted([
        [1, 1],
        [2, 2],
        [3, 1],
        [4, 1],
      ]);
      t.abandonedAt = applicantTime(rng, t.createdAt + HOUR_MS, t.createdAt + 9 * DAY_MS);
      return t;
    case 'deposee':
      t.depositedAt = applicantTime(rng, now - DEPOSEE_MAX_AGE_DAYS * DAY_MS, now - 2 * HOUR_MS);
      break;
    case 'en_examen': {
      t.depositedAt = applicantTime(rng, now - 40 * DAY_MS, now - 2 * DAY_MS);
      t.takenAt = staffTime(rng, t.depositedAt + HOUR_MS, Math.min(now - HOUR_MS, t.depositedAt + 12 * DAY_MS));
      break;
    }
    case 'complement_demande': {
      const kind = KINDS[Math.floor(ordinal / 2) % KINDS.length]!;
      const sentAt = pendingRequestSentAt(rng, kind, now, prefectureCode);
      if (rng.chance(0.15)) t.rounds.push(earlierRound(rng, sentAt, prefectureCode, now));
      t.rounds.push(makeRound(sentAt, prefectureCode, now, null));
      Object.assign(t, depositAndTake(rng, t.rounds[0]!.sentAt, 20));
      break;
    }
    case 'complement_recu': {
      const late = rng.chance(0.1);
      const sentAt = late ? staffTime(rng, now - 35 * DAY_MS, now - 22 * DAY_MS) : staffTime(rng, now - 14 * DAY_MS, now - 2 * DAY_MS);
      const deadlineAt = complementDeadline(new Date(sentAt), prefectureCode).getTime();
      const answeredAt = late
        ? applicantTime(rng, deadlineAt + HOUR_MS, Math.min(now - HOUR_MS, deadlineAt + 5 * DAY_MS))
        : applicantTime(rng, sentAt + 6 * HOUR_MS, Math.min(deadlineAt, now - HOUR_MS));
      if (rng.chance(0.15)) t.rounds.push(earlierRound(rng, sentAt, prefectureCode, now));
      t.rounds.push(makeRound(sentAt, prefectureCode, now, answeredAt, late));
      Object.assign(t, depositAndTake(rng, t.rounds[0]!.sentAt, 20));
      break;
    }
    case 'complete': {
      if (rng.chance(0.35)) {
        const sentAt = staffTime(rng, now - 150 * DAY_MS, now - 25 * DAY_MS);
        const deadlineAt = complementDeadline(new Date(sentAt), prefectureCode).getTime();
        const answeredAt = applicantTime(rng, sentAt + DAY_MS, deadlineAt);
        t.rounds.push(makeRound(sentAt, prefectureCode, now, answeredAt));
        Object.assign(t, depositAndTake(rng, sentAt, 20));
        t.completedAt = staffTime(rng, answeredAt + HOUR_MS, Math.min(now - HOUR_MS, answeredAt + 10 * DAY_MS));
      } else {
        t.depositedAt = applicantTime(rng, now - 150 * DAY_MS, now - 5 * DAY_MS);
        t.takenAt = staffTime(rng, t.depositedAt + HOUR_MS, Math.min(now - 2 * HOUR_MS, t.depositedAt + 12 * DAY_MS));
        t.completedAt = staffTime(rng, t.takenAt + 15 * MINUTE_MS, Math.min(now - HOUR_MS, t.takenAt + 3 * DAY_MS));
      }
      break;
    }
    case 'cloturee_incomplete': {
      const sentAt = staffTime(rng, now - 150 * DAY_MS, now - 25 * DAY_MS);
      const round = makeRound(sentAt, prefectureCode, now, null);
      t.rounds.push(round);
      Object.assign(t, depositAndTake(rng, sentAt, 20));
      t.closedAt = staffTime(rng, round.deadlineAt + HOUR_MS, Math.min(now - HOUR_MS, round.deadlineAt + 20 * DAY_MS));
      break;
    }
  }
  t.createdAt = between(rng, t.depositedAt! - 20 * DAY_MS, t.depositedAt! - HOUR_MS);
  return t;
}

/** The status of each of `count` generated dossiers: blocks of 20, shuffled within each block. */
export function planStatuses(count: number): Status[] {
  const statuses: Status[] = [];
  for (let block = 0; statuses.length < count; block++) {
    statuses.push(...new Rng('status-block', block).shuffle(STATUS_BLOCK));
  }
  return statuses.slice(0, count);
}

/**
 * Dossiers of the Nord that the supervisor's and the agent's screens need whatever the size of the
 * demo: two complement requests past their deadline, and one whose e-mail failed (the applicant's
 * address was mistyped), which no deadline runs on. Numbered after the generated dossiers.
 */
export function planScenarios(total: number, nowDate: Date): Timeline[] {
  // The k-th « complément demandé » is Nord when k is even; its kind cycles expired, soon, running every two.
  const overdue = [0, 6].map((ordinal, k) => planTimeline(total + k, 'complement_demande', ordinal, nowDate));
  const undelivered = planTimeline(total + 2, 'complement_demande', 4, nowDate);
  const last = undelivered.rounds[undelivered.rounds.length - 1]!;
  Object.assign(last, { delivered: false, reminderSentAt: null });
  return [...overdue, undelivered];
}

/**
 * Demo data for an empty database: the préfectures and staff of accounts.ts, the demo
 * applicant's deposited dossier in Lille, and N generated dossiers across the whole life cycle.
 * Deterministic: the same `now` and `dossiers` always give the same rows.
 */
import { type Db, deferIndexes, fileStorePath, hashPassword, restoreDeferredIndexes, schema } from '@em/db';
import { formatNumero, type Status } from '@em/domain';
import { count, sql } from 'drizzle-orm';
import { DEMO_APPLICANT, DEMO_PREFECTURES, DEMO_STAFF } from './accounts.js';
import { DocumentShelf } from './documents.js';
import { demoEmails } from './emails.js';
import { buildHistory, type DossierRecord, holderOf, type PrefectureStaff, type StaffRef } from './history.js';
import { demoApplicantPerson, makePerson } from './people.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, Rng } from './random.js';
import { DEPOSEE_MAX_AGE_DAYS, planScenarios, planStatuses, planTimeline, type Timeline } from './timeline.js';
import { DemoWriter } from './writer.js';

const { prefectures, staffUsers } = schema;

export const DEFAULT_DEMO_DOSSIERS = 60;
/** Dossiers per transaction: large enough to be fast, small enough to report progress. */
export const SEED_BATCH_SIZE = 1000;

/** The tables a seed fills by the million rows. */
const BULK_TABLES = ['applicants', 'dossiers', 'pieces', 'files', 'events', 'outbox_emails', 'complement_requests'];

/** SQLite's page cache while the rows go in, in KiB (negative: SQLite's unit for a size). */
const LOAD_CACHE_SIZE = -16384;

export type SeedOptions = {
  /** Generated dossiers besides the demo applicant's own (default 60). */
  dossiers?: number;
  /** Every date is relative to it. */
  now: Date;
  /** The server's PUBLIC_URL: the links of the e-mails already sent point there. */
  publicUrl: string;
  onProgress?: (done: number, total: number) => void;
};

/** An empty database has no staff account: the demo start (`npm start`) seeds it. */
export function isDatabaseEmpty(db: Db): boolean {
  const row = db.select({ n: count() }).from(staffUsers).get();
  return (row?.n ?? 0) === 0;
}

/**
 * The demo applicant's dossier, deposited in Lille before every generated dossier still
 * « à traiter »: first in the agent's queue, which lists the oldest deposit first.
 */
function demoTimeline(now: number): Timeline {
  // 09:17 UTC (10:17 or 11:17 in Paris), the day before the oldest generated « à traiter » deposit may be.
  const day = Math.floor((now - (DEPOSEE_MAX_AGE_DAYS + 1) * DAY_MS) / DAY_MS) * DAY_MS;
  const depositedAt = day + 9 * HOUR_MS + 17 * MINUTE_MS;
  return {
    index: -1,
    status: 'deposee',
    prefectureCode: '59',
    createdAt: depositedAt - 3 * DAY_MS,
    lastSavedStep: 5,
    abandonedAt: null,
    depositedAt,
    takenAt: null,
    rounds: [],
    completedAt: null,
    closedAt: null,
  };
}

/**
 * The plan of each generated dossier, by index; the k-th dossier of a status alternates Nord / Paris.
 * Computed again when asked rather than kept: a million plans held at once took 700 MB.
 */
function generatedPlans(total: number, now: Date): (index: number) => Timeline {
  const statuses = planStatuses(total);
  const ordinals = new Int32Array(total);
  const counts = new Map<Status, number>();
  statuses.forEach((status, index) => {
    ordinals[index] = counts.get(status) ?? 0;
    counts.set(status, ordinals[index]! + 1);
  });
  return (index) => planTimeline(index, statuses[index]!, ordinals[index]!, now);
}

/** A deposit to number; `slot` says where its sequence goes. */
type Deposit = { slot: number; index: number; prefectureCode: string; depositedAt: number };

/**
 * Numéros in deposit order within each préfecture, from its `next_numero_sequence` counter.
 * Returns each deposit's sequence, by slot, and the next free sequence per préfecture.
 */
function issueSequences(deposits: Deposit[], slots: number, counters: ReadonlyMap<string, number>) {
  const sequences = new Int32Array(slots);
  const next = new Map(counters);
  deposits.sort((a, b) => a.depositedAt - b.depositedAt || a.index - b.index);
  for (const deposit of deposits) {
    const sequence = next.get(deposit.prefectureCode);
    if (sequence === undefined) throw new Error(`unknown préfecture ${deposit.prefectureCode}`);
    sequences[deposit.slot] = sequence;
    next.set(deposit.prefectureCode, sequence + 1);
  }
  return { sequences, next };
}

/** Loads the demo into the database and the file store of `dataDir`; returns how many distinct documents it stored. */
export async function seedDemoData(db: Db, dataDir: string, options: SeedOptions): Promise<{ documents: number }> {
  const total = options.dossiers ?? DEFAULT_DEMO_DOSSIERS;
  if (!Number.isInteger(total) || total < 0 || total > 1_000_000) {
    throw new RangeError(`dossiers must be an integer between 0 and 1000000, got ${total}`);
  }
  const now = options.now;
  const sqlite = db.$client;

  // The slow, asynchronous part first: argon2id hashes, one shared by every demo applicant.
  const staffHashes = await Promise.all(DEMO_STAFF.map((s) => hashPassword(s.password)));
  const applicantHash = await hashPassword(DEMO_APPLICANT.password);
  const shelf = new DocumentShelf(fileStorePath(dataDir), now);
  const mail = demoEmails(options.publicUrl);
  const demoPerson = demoApplicantPerson(DEMO_APPLICANT.email, now);
  // Her observations say the attestation d'hébergement is joined.
  shelf.pin(holderOf(demoPerson), {
    JUSTIFICATIF_NATIONALITE: ['passeport.pdf'],
    JUSTIFICATIF_IDENTITE: ['acte-de-naissance.pdf'],
    JUSTIFICATIF_ENTREE_REGULIERE: ['cachet-entree.png'],
    JUSTIFICATIF_DOMICILE: ['attestation-hebergement.pdf'],
    JUSTIFICATIF_RESIDENCE_HABITUELLE: ['avis-imposition.pdf', 'releve-bancaire.pdf'],
  });

  const planOf = generatedPlans(total, now);
  const scenarios = planScenarios(total, now);
  const demo = demoTimeline(now.getTime());
  const writer = new DemoWriter(sqlite);
  // Slots of the numéro sequences: the generated dossiers by index, then the scenarios, then the demo applicant's.
  const special = [...scenarios, demo];
  const deposits: Deposit[] = special.map((t, k) => ({
    slot: total + k,
    index: t.index,
    prefectureCode: t.prefectureCode,
    depositedAt: t.depositedAt!,
  }));
  for (let index = 0; index < total; index++) {
    const { prefectureCode, depositedAt } = planOf(index);
    if (depositedAt !== null) deposits.push({ slot: index, index, prefectureCode, depositedAt });
  }

  let sequences = new Int32Array(0);
  const numeroOf = (t: Timeline, slot: number) =>
    t.depositedAt === null ? null : formatNumero(t.prefectureCode, new Date(t.depositedAt), sequences[slot]!);
  const staffByPrefecture = new Map<string, PrefectureStaff>();
  db.transaction((tx) => {
    // migrateDatabase already added every département's préfecture: the demo ones keep their demo names.
    tx.insert(prefectures)
      .values(DEMO_PREFECTURES.map((p) => ({ code: p.code, name: p.name })))
      .onConflictDoUpdate({ target: prefectures.code, set: { name: sql`excluded.name` } })
      .run();
    const staff = DEMO_STAFF.map((s, i) => {
      const row = tx
        .insert(staffUsers)
        .values({ email: s.email, passwordHash: staffHashes[i]!, role: s.role, prefectureCode: s.prefectureCode, fullName: s.fullName })
        .returning({ id: staffUsers.id })
        .get();
      return { ref: { id: row.id, fullName: s.fullName, role: s.role } satisfies StaffRef, prefectureCode: s.prefectureCode };
    });
    for (const { code } of DEMO_PREFECTURES) {
      const of = (role: StaffRef['role']) => staff.find((s) => s.prefectureCode === code && s.ref.role === role)?.ref;
      const agent = of('agent');
      const superviseur = of('superviseur');
      if (!agent || !superviseur) throw new Error(`demo préfecture ${code} needs an agent and a superviseur`);
      staffByPrefecture.set(code, { agent, superviseur });
    }

    // Reserve every numéro now: the counters never go back, even if seeding stops half-way.
    const counters = new Map(
      tx
        .select()
        .from(prefectures)
        .all()
        .map((p) => [p.code, p.nextNumeroSequence]),
    );
    const issued = issueSequences(deposits, total + special.length, counters);
    sequences = issued.sequences;
    const update = sqlite.prepare('UPDATE prefectures SET next_numero_sequence = ? WHERE code = ?');
    for (const [code, next] of issued.next) update.run(next, code);

    const demoRecord = buildHistory(
      demo,
      demoPerson,
      numeroOf(demo, total + scenarios.length)!,
      staffByPrefecture.get('59')!,
      shelf,
      mail,
      now,
    );
    writer.insertOne(demoRecord, applicantHash);
    for (const [k, t] of scenarios.entries()) {
      const generated = makePerson(new Rng('person', t.index), t.index + 1, t.prefectureCode, now);
      // The undelivered request went to a mistyped address, which the agent corrects before sending it again.
      const delivered = t.rounds.every((round) => round.delivered);
      const person = delivered ? generated : { ...generated, email: generated.email.replace(/\.example$/, '.exmaple') };
      writer.insertOne(buildHistory(t, person, numeroOf(t, total + k)!, staffByPrefecture.get('59')!, shelf, mail, now), applicantHash);
    }
  });

  // The generated dossiers go in without their tables' indexes, rebuilt once at the end (or at the next start).
  deferIndexes(sqlite, BULK_TABLES);
  // Appending rows and rebuilding the indexes need few pages in memory: a 256 MiB cache filled during the
  // rebuild, its sorter as much again, and was no faster (300,000 dossiers: 13.3 s against 12.2 s).
  const cacheSize = sqlite.pragma('cache_size', { simple: true });
  sqlite.pragma(`cache_size = ${LOAD_CACHE_SIZE}`);
  for (let start = 0; start < total; start += SEED_BATCH_SIZE) {
    const batch: DossierRecord[] = [];
    for (let index = start; index < Math.min(start + SEED_BATCH_SIZE, total); index++) {
      const t = planOf(index);
      const person = makePerson(new Rng('person', index), index + 1, t.prefectureCode, now);
      batch.push(buildHistory(t, person, numeroOf(t, index), staffByPrefecture.get(t.prefectureCode)!, shelf, mail, now));
    }
    writer.insertBatch(batch, applicantHash);
    options.onProgress?.(Math.min(start + SEED_BATCH_SIZE, total), total);
    // Let the event loop breathe between batches (the server may be starting alongside).
    await new Promise((resolve) => setImmediate(resolve));
  }

  restoreDeferredIndexes(sqlite);
  sqlite.pragma(`cache_size = ${cacheSize}`);
  // Fresh statistics so the query planner picks the scoped indexes on a large demo.
  sqlite.exec('ANALYZE');
  return { documents: shelf.size };
}

/** Seeded demo databases for the seed's tests, each in a temporary folder removed by `removeSeeded`. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, FileStore, fileStorePath, migrateDatabase, openDatabase } from '@em/db';
import { expect } from 'vitest';
import { SEED_BATCH_SIZE } from './generation.js';
import { isDatabaseEmpty, seedDemoData } from './seed.js';

export const PUBLIC_URL = 'http://demo.example.test:4567';
export const NOW = new Date('2025-03-14T10:00:00Z');

export type Seeded = { dir: string; db: Db; store: FileStore };
const created: Seeded[] = [];

/** A migrated, empty database in a folder of its own. */
export function freshDatabase(): Seeded {
  const dir = mkdtempSync(join(tmpdir(), 'em-seed-'));
  const db = openDatabase(dir);
  const result = { dir, db, store: new FileStore(fileStorePath(dir)) };
  created.push(result);
  migrateDatabase(db);
  return result;
}

/** A fresh database seeded with `dossiers` generated dossiers, its progress reported at the end of each batch. */
export async function seedFresh(dossiers = 40): Promise<Seeded> {
  const seeded = freshDatabase();
  expect(isDatabaseEmpty(seeded.db)).toBe(true);
  const progress: number[] = [];
  await seedDemoData(seeded.db, seeded.dir, { dossiers, now: NOW, publicUrl: PUBLIC_URL, onProgress: (done) => progress.push(done) });
  const batchEnds = Array.from({ length: Math.ceil(dossiers / SEED_BATCH_SIZE) }, (_, k) => Math.min((k + 1) * SEED_BATCH_SIZE, dossiers));
  expect(progress).toEqual(batchEnds);
  return seeded;
}

export function rows<T>(db: Db, sql: string, ...params: unknown[]): T[] {
  return db.$client.prepare(sql).all(...params) as T[];
}

/** Closes and removes every database this module created. */
export function removeSeeded(): void {
  for (const { dir, db } of created.splice(0)) {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

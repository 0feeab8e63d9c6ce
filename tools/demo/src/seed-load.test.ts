import { type Db, STORED_ACTOR_ROLES } from '@em/db';
import { PIECE_CATALOGUE } from '@em/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoData } from './seed.js';
import { freshDatabase, NOW, PUBLIC_URL, removeSeeded, rows, seedFresh } from './seed-fixture.js';

afterAll(removeSeeded);

const count = (db: Db, sql: string) => rows<{ n: number }>(db, sql)[0]!.n;

describe('seedDemoData, the load', () => {
  it('leaves every index and trigger of a migrated database in place, none left deferred, every deposited dossier searchable', async () => {
    const { db } = await seedFresh();
    const indexes = (of: Db) => rows(of, "select type, name, sql from sqlite_schema where type in ('index', 'trigger') order by name");
    expect(indexes(db)).toEqual(indexes(freshDatabase().db));
    expect(rows(db, 'select * from deferred_indexes')).toEqual([]);
    const deposited = count(db, "select count(*) as n from dossiers where status not in ('brouillon', 'abandonnee')");
    expect(deposited).toBeGreaterThan(20);
    expect(count(db, 'select count(*) as n from dossiers_search')).toBe(deposited);
  });

  it('is deterministic: two seeds give the same numéros and names', async () => {
    const snapshot = (db: Db) => rows(db, 'select numero, status, birth_name, first_names, city, deposited_at from dossiers order by id');
    const [first, second] = [await seedFresh(), await seedFresh()];
    expect(snapshot(second.db)).toEqual(snapshot(first.db));
  });

  it('gives each file, request and event to its own dossier and applicant, over several batches', async () => {
    // Three batches of a thousand, whose ids the generator thread carries from one to the next.
    const { db, store } = await seedFresh(2500);
    // Besides the demo applicant's and the three scenarios' dossiers.
    expect(count(db, 'select count(*) as n from dossiers')).toBe(2500 + 4);
    expect(rows(db, 'pragma foreign_key_check')).toEqual([]);
    // A piece, a request or an applicant id shifted by one would put a file or an event on someone else's dossier.
    const ofDossier = 'join pieces p on p.id = f.piece_id join dossiers d on d.id = p.dossier_id';
    expect(count(db, `select count(*) as n from files f ${ofDossier} where f.uploaded_by_applicant_id != d.applicant_id`)).toBe(0);
    expect(
      count(
        db,
        `select count(*) as n from files f ${ofDossier} join complement_requests r on r.id = f.complement_request_id
          where r.dossier_id != d.id`,
      ),
    ).toBe(0);
    expect(count(db, 'select count(*) as n from files where complement_request_id is not null')).toBeGreaterThan(100);
    const usager = STORED_ACTOR_ROLES.usager;
    expect(
      count(
        db,
        `select count(*) as n from events e join dossiers d on d.id = e.dossier_id
          where e.actor_role = ${usager} and e.actor_id != d.applicant_id`,
      ),
    ).toBe(0);
    expect(count(db, `select count(*) as n from events where actor_role = ${usager}`)).toBeGreaterThan(1000);
    // Every deposited dossier has each catalogue piece.
    expect(
      count(
        db,
        `select count(*) as n from dossiers d where d.status not in ('brouillon', 'abandonnee')
          and (select count(distinct code) from pieces where dossier_id = d.id) != ${PIECE_CATALOGUE.length}`,
      ),
    ).toBe(0);
    // Each batch's documents, rendered by the generator thread, are written by the inserting one: all of them, and no other.
    const referenced = rows<{ sha256: string }>(db, 'select distinct lower(hex(sha256)) as sha256 from files').map((row) => row.sha256);
    expect(store.list().sort()).toEqual(referenced.sort());
  });

  it('stops with the database’s error when a batch of generated dossiers cannot be written, rather than hang', async () => {
    const { dir, db } = freshDatabase();
    // The demo applicant's and the scenarios' dossiers come first; a generated one is refused.
    db.$client.exec(
      "CREATE TRIGGER refuse_generated AFTER INSERT ON events WHEN new.dossier_id > 30 BEGIN SELECT RAISE(ABORT, 'disque plein'); END",
    );
    await expect(seedDemoData(db, dir, { dossiers: 40, now: NOW, publicUrl: PUBLIC_URL })).rejects.toThrow('disque plein');
    expect(count(db, 'select count(*) as n from dossiers')).toBeLessThanOrEqual(30);
  });
});

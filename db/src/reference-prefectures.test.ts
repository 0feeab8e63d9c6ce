import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { departementFromInsee } from '@em/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, migrateDatabase, openDatabase } from './connection.js';
import { REFERENCE_PREFECTURES } from './reference-prefectures.js';

let dir: string;
let db: Db;
const names = () =>
  Object.fromEntries(
    (db.$client.prepare('select code, name from prefectures').all() as { code: string; name: string }[]).map((r) => [r.code, r.name]),
  );

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'em-ref-'));
  db = openDatabase(dir);
  migrateDatabase(db);
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reference préfectures', () => {
  it('gives every département of the official list its préfecture, named with the right article', () => {
    const all = names();
    expect(Object.keys(all)).toHaveLength(REFERENCE_PREFECTURES.length);
    expect(all).toMatchObject({
      '01': "Préfecture de l'Ain",
      '13': 'Préfecture des Bouches-du-Rhône',
      '28': "Préfecture d'Eure-et-Loir",
      '2A': 'Préfecture de la Corse-du-Sud',
      '59': 'Préfecture du Nord',
      '75': 'Préfecture de police',
      '971': 'Préfecture de la Guadeloupe',
      '974': 'Préfecture de La Réunion',
      '976': 'Préfecture de Mayotte',
    });
  });

  it('routes a commune of each kind to an existing préfecture', () => {
    const all = names();
    for (const insee of ['59350', '75111', '2B033', '97411', '97611', '01001']) expect(all[departementFromInsee(insee)!]).toBeDefined();
  });

  it('is idempotent and keeps a name or counter already there', () => {
    db.$client.prepare("update prefectures set name = 'Préfecture de police de Paris', next_numero_sequence = 42 where code = '75'").run();
    migrateDatabase(db);
    migrateDatabase(db);
    expect(db.$client.prepare("select name, next_numero_sequence as next from prefectures where code = '75'").get()).toEqual({
      name: 'Préfecture de police de Paris',
      next: 42,
    });
    expect(Object.keys(names())).toHaveLength(REFERENCE_PREFECTURES.length);
  });
});

import departements from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' };
import type { Db } from './connection.js';
import { prefectures } from './schema.js';

type Departement = { code: string; nom: string; typeLiaison: number };

/** INSEE's « type de nom en clair »: the article a name takes after « Préfecture » (du Nord, de l'Ain, des Landes…). */
const LINKS: Record<number, string> = {
  0: 'de ',
  1: "d'",
  2: 'du ',
  3: 'de la ',
  4: 'des ',
  5: "de l'",
  6: 'des ',
  7: 'de las ',
  8: 'de los ',
};

/** Where the State's representative is not called a préfet, or Paris, whose applicants go to the Préfecture de police. */
const SPECIAL_NAMES: Record<string, string> = {
  '75': 'Préfecture de police',
  '987': 'Haut-commissariat de la République en Polynésie française',
  '988': 'Haut-commissariat de la République en Nouvelle-Calédonie',
};

export function prefectureName(departement: Departement): string {
  return SPECIAL_NAMES[departement.code] ?? `Préfecture ${LINKS[departement.typeLiaison] ?? 'de '}${departement.nom}`;
}

/** One préfecture per département of the official list (@etalab/decoupage-administratif), so that a deposit anywhere lands somewhere. */
export const REFERENCE_PREFECTURES: readonly { code: string; name: string }[] = (departements as Departement[]).map((d) => ({
  code: d.code,
  name: prefectureName(d),
}));

/** Adds the missing préfectures; existing rows (their name, counter and settings) are left as they are. Idempotent. */
export function upsertReferencePrefectures(db: Db): void {
  db.insert(prefectures)
    .values([...REFERENCE_PREFECTURES])
    .onConflictDoNothing({ target: prefectures.code })
    .run();
}

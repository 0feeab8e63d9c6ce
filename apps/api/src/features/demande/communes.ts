import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Commune } from '@em/contract';
import { normalizeSearchText } from '@em/domain';

type RawCommune = { code: string; nom: string; type: string; departement?: string; codesPostaux?: string[]; population?: number };
type Entry = Commune & { key: string; population: number };

/** Paris, Lyon and Marseille are chosen by arrondissement, whose INSEE code an address there carries. */
const CITIES_WITH_ARRONDISSEMENTS = new Set(['75056', '69123', '13055']);

let index: Entry[] | undefined;

/** One entry per commune and postal code, loaded on first use: the list (8 Mo) never goes to the browser. */
async function communes(): Promise<Entry[]> {
  if (index) return index;
  const path = createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/data/communes.json');
  const raw = JSON.parse(await readFile(path, 'utf8')) as RawCommune[];
  index = raw
    .filter((c) => (c.type === 'commune-actuelle' && !CITIES_WITH_ARRONDISSEMENTS.has(c.code)) || c.type === 'arrondissement-municipal')
    .flatMap((c) =>
      (c.codesPostaux ?? []).map((codePostal) => ({
        nom: c.nom,
        codePostal,
        codeInsee: c.code,
        departement: c.departement ?? '',
        key: searchKey(c.nom),
        population: c.population ?? 0,
      })),
    );
  return index;
}

/** « Saint-Étienne-du-Rouvray » → « saint etienne du rouvray »; « st » is written out. */
function searchKey(value: string): string {
  return normalizeSearchText(value.replace(/['’-]/g, ' '))
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint');
}

export const MAX_COMMUNES = 20;

/**
 * Communes matching a name (its start first, then any word of it) or a postal code, larger
 * communes first: « lille », « 59000 », « st denis ».
 */
export async function searchCommunes(query: string): Promise<Commune[]> {
  const q = searchKey(query.slice(0, 100));
  if (q.length < 2) return [];
  const all = await communes();
  const byPostalCode = /^\d{2,5}$/.test(q);
  const rank = (entry: Entry): number => {
    if (byPostalCode) return entry.codePostal.startsWith(q) ? 0 : -1;
    if (entry.key === q) return 0;
    if (entry.key.startsWith(q)) return 1;
    if (entry.key.includes(` ${q}`)) return 2;
    return -1;
  };
  return all
    .map((entry) => ({ entry, rank: rank(entry) }))
    .filter((m) => m.rank >= 0)
    .sort((a, b) => a.rank - b.rank || b.entry.population - a.entry.population || a.entry.codePostal.localeCompare(b.entry.codePostal))
    .slice(0, MAX_COMMUNES)
    .map(({ entry: { nom, codePostal, codeInsee, departement } }) => ({ nom, codePostal, codeInsee, departement }));
}

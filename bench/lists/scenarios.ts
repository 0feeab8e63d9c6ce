import { defaultStatisticsPeriod } from '@em/domain';

/** The requests of an agent's and a supervisor's screens the benchmark times, as the console sends them. */
const list = (filter: object, sort?: [string, string]) =>
  `/api/dossiers?${new URLSearchParams({ filter: JSON.stringify(filter), ...(sort ? { sort: JSON.stringify(sort) } : {}), range: '[0,24]' })}`;

/** The first page of « À traiter », oldest first: the list measured for throughput too. */
export const TO_TAKE = list({ queue: 'to_take' }, ['deposited_at', 'ASC']);

/** [name, path, has a floor route]. `sample` is a dossier of the préfecture, found by the first list. */
export function scenarios(sample: { id: number; numero: string }): [string, string, boolean][] {
  return [
    ['list « À traiter », oldest first', TO_TAKE, true],
    ['list « Compléments demandés », by deadline', list({ queue: 'awaiting_complements' }, ['deadline_at', 'ASC']), true],
    ['list « Délai dépassé » (server clock)', list({ queue: 'overdue' }), true],
    ['list « Tous », latest first', list({ queue: 'all' }), true],
    ['list « Tous », by name', list({ queue: 'all' }, ['birth_name', 'ASC']), true],
    ['list « Tous », by numéro, oldest first', list({ queue: 'all' }, ['numero', 'ASC']), true],
    ['search a name (« diallo »)', list({ q: 'diallo' }), true],
    ['search « diallo » in « Complets »', list({ queue: 'complete', q: 'diallo' }, ['birth_name', 'ASC']), true],
    ['search « Chérif » (accents folded)', list({ q: 'CHERIF' }), true],
    ['search a whole numéro', list({ q: sample.numero }), true],
    ['search part of a numéro (its last 8 digits)', list({ q: sample.numero.slice(-8) }), true],
    ['search part of a numéro (8 digits inside it)', list({ q: sample.numero.slice(4, 12) }), true],
    ['the same 8 digits in « En examen »', list({ queue: 'in_review', q: sample.numero.slice(4, 12) }, ['deposited_at', 'ASC']), true],
    ['search 2 letters (« di »)', list({ q: 'di' }), true],
    ['« di » in « À traiter », as the console searches', list({ queue: 'to_take', q: 'di' }, ['deposited_at', 'ASC']), true],
    ['every tab’s count for « di »', `/api/dossiers/counts?${new URLSearchParams({ filter: JSON.stringify({ q: 'di' }) })}`, false],
    ['show one dossier', `/api/dossiers/${sample.id}`, true],
    ['its pieces', `/api/pieces?${new URLSearchParams({ filter: JSON.stringify({ dossier_id: sample.id }), range: '[0,49]' })}`, true],
    [
      'its events',
      `/api/events?${new URLSearchParams({ filter: JSON.stringify({ dossier_id: sample.id }), sort: '["at","DESC"]', range: '[0,99]' })}`,
      false,
    ],
  ];
}

/** « Échéances » of the Nord's supervisor: its figures and workload, then its statistics over the console's default period. */
export function supervisorScenarios(now: Date): [string, string][] {
  return [
    ['« Échéances » (supervisor)', '/api/supervision/dashboard'],
    ['its statistics, last 12 weeks', `/api/supervision/statistics?${new URLSearchParams(defaultStatisticsPeriod(now))}`],
  ];
}

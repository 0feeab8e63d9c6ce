import { describe, expect, it } from 'vitest';
import { NEVER_DEPOSITED_STATUSES, STATUSES } from './statuses.js';
import { DEFAULT_WORKQUEUE, findWorkqueue, WORKQUEUE_SLUGS, WORKQUEUES } from './workqueues.js';

describe('workqueues', () => {
  it('are the agents’ tabs, in the order a dossier moves through them', () => {
    expect(WORKQUEUES.map((queue) => queue.label)).toEqual([
      'À traiter',
      'En examen',
      'Compléments demandés',
      'Délai dépassé',
      'Compléments reçus',
      'Complets',
      'Clôturés',
      'Tous',
    ]);
    expect(new Set(WORKQUEUE_SLUGS).size).toBe(WORKQUEUES.length);
    expect(findWorkqueue(DEFAULT_WORKQUEUE)?.label).toBe('À traiter');
  });

  it('cover every deposited state, and never a draft', () => {
    const covered = new Set(WORKQUEUES.flatMap((queue) => queue.statuses));
    const deposited = STATUSES.filter((status) => !(NEVER_DEPOSITED_STATUSES as readonly string[]).includes(status));
    expect([...covered].sort()).toEqual([...deposited].sort());
  });

  it('« Tous » holds every deposited state, latest deposit first', () => {
    const deposited = STATUSES.filter((status) => !(NEVER_DEPOSITED_STATUSES as readonly string[]).includes(status));
    expect(findWorkqueue('all')).toMatchObject({ label: 'Tous', defaultSort: { field: 'deposited_at', order: 'DESC' } });
    expect([...(findWorkqueue('all')?.statuses ?? [])].sort()).toEqual([...deposited].sort());
  });

  it('« Délai dépassé » is the overdue part of « Compléments demandés », nearest deadline first', () => {
    expect(findWorkqueue('overdue')).toMatchObject({
      statuses: ['complement_demande'],
      deadline: 'overdue',
      defaultSort: { field: 'deadline_at', order: 'ASC' },
    });
    expect(findWorkqueue('nope')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { isComplementOverdue, staffActions } from './staff-actions.js';
import { STATUSES } from './statuses.js';

// 15 July 2026, 23:59:59.999 in Paris.
const deadline = new Date('2026-07-15T21:59:59.999Z');
const before = new Date('2026-07-15T21:59:00Z');
const after = new Date('2026-07-15T22:00:01Z');

describe('the staff actions offered on a dossier', () => {
  it('follow the status table, without the applicant’s moves', () => {
    const offered = Object.fromEntries(STATUSES.map((status) => [status, staffActions({ status, deadlineAt: null }, before)]));
    expect(offered).toEqual({
      brouillon: [],
      deposee: ['take'],
      en_examen: ['request_complement', 'complete'],
      complement_demande: [],
      complement_recu: ['request_complement', 'complete'],
      complete: [],
      cloturee_incomplete: [],
      abandonnee: [],
    });
  });

  it('offer closing only once the applicant’s deadline has passed (end of the day in Paris)', () => {
    expect(staffActions({ status: 'complement_demande', deadlineAt: deadline }, before)).toEqual([]);
    expect(staffActions({ status: 'complement_demande', deadlineAt: deadline }, after)).toEqual(['close_incomplete']);
  });
});

describe('an overdue complement request', () => {
  it('is one still awaited after its deadline', () => {
    expect(isComplementOverdue({ status: 'complement_demande', deadlineAt: deadline }, after)).toBe(true);
    expect(isComplementOverdue({ status: 'complement_demande', deadlineAt: deadline }, before)).toBe(false);
    expect(isComplementOverdue({ status: 'complement_recu', deadlineAt: deadline }, after)).toBe(false);
    expect(isComplementOverdue({ status: 'complement_demande', deadlineAt: null }, after)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  ACTION_LABELS,
  ACTIONS,
  type Action,
  allowedActions,
  canReviewPieces,
  isStatus,
  NEVER_DEPOSITED_STATUSES,
  STATUS_LABELS,
  STATUSES,
  type Status,
  TRANSITIONS,
  transition,
} from './statuses.js';

/** domain.md §4, written out by hand: every allowed move and where it leads. */
const ALLOWED: ReadonlyArray<[Status, Action, Status]> = [
  ['brouillon', 'deposit', 'deposee'],
  ['brouillon', 'abandon', 'abandonnee'],
  ['deposee', 'take', 'en_examen'],
  ['en_examen', 'request_complement', 'complement_demande'],
  ['en_examen', 'complete', 'complete'],
  ['complement_demande', 'submit_complements', 'complement_recu'],
  ['complement_demande', 'close_incomplete', 'cloturee_incomplete'],
  // A new complement round may follow complement_recu.
  ['complement_recu', 'request_complement', 'complement_demande'],
  ['complement_recu', 'complete', 'complete'],
];

const isAllowed = (from: Status, action: Action) => ALLOWED.some(([f, a]) => f === from && a === action);

describe('transition: allowed moves (domain §4)', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, action, to) => {
    expect(transition(from, action)).toEqual({ ok: true, to });
  });

  it('the table has exactly these moves and no other', () => {
    const listed: Array<[Status, Action, Status]> = [];
    for (const from of STATUSES) {
      for (const [action, to] of Object.entries(TRANSITIONS[from])) listed.push([from, action as Action, to as Status]);
    }
    expect(listed.sort()).toEqual([...ALLOWED].sort());
  });

  it('allowedActions lists the moves of each state', () => {
    expect(allowedActions('brouillon').sort()).toEqual(['abandon', 'deposit']);
    expect(allowedActions('deposee')).toEqual(['take']);
    expect(allowedActions('en_examen').sort()).toEqual(['complete', 'request_complement']);
    expect(allowedActions('complement_demande').sort()).toEqual(['close_incomplete', 'submit_complements']);
    expect(allowedActions('complement_recu').sort()).toEqual(['complete', 'request_complement']);
    expect(allowedActions('complete')).toEqual([]);
    expect(allowedActions('cloturee_incomplete')).toEqual([]);
    expect(allowedActions('abandonnee')).toEqual([]);
  });
});

describe('transition: illegal moves are refused with a French message', () => {
  const illegal: Array<[Status, Action]> = [];
  for (const from of STATUSES) for (const action of ACTIONS) if (!isAllowed(from, action)) illegal.push([from, action]);

  it('there are illegal moves to test (sanity)', () => {
    expect(illegal.length).toBe(STATUSES.length * ACTIONS.length - ALLOWED.length);
  });

  it.each(illegal)('%s --%s--> refused', (from, action) => {
    const result = transition(from, action);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(ACTION_LABELS[action]);
    expect(result.message).toContain(STATUS_LABELS[from]);
    expect(result.message).toMatch(/impossible/);
  });

  it('complete from deposee: the exact message', () => {
    expect(transition('deposee', 'complete')).toEqual({
      ok: false,
      message: 'Action « Déclarer le dossier complet » impossible : le dossier est au statut « À traiter ».',
    });
  });

  it('request_complement from complete is refused', () => {
    const result = transition('complete', 'request_complement');
    expect(result).toEqual({
      ok: false,
      message: 'Action « Demander des pièces complémentaires » impossible : le dossier est au statut « Complet ».',
    });
  });

  it('close_incomplete is only possible while complements are awaited', () => {
    for (const from of STATUSES) {
      expect(transition(from, 'close_incomplete').ok).toBe(from === 'complement_demande');
    }
  });

  it.each(['cloturee_incomplete', 'abandonnee', 'complete'] as const)('nothing leaves the final state %s', (from) => {
    for (const action of ACTIONS) {
      const result = transition(from, action);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toContain(`« ${ACTION_LABELS[action]} »`);
        expect(result.message).toContain(`« ${STATUS_LABELS[from]} »`);
      }
    }
  });

  it('a deposited dossier cannot be abandoned nor deposited twice', () => {
    expect(transition('deposee', 'abandon').ok).toBe(false);
    expect(transition('deposee', 'deposit').ok).toBe(false);
    expect(transition('en_examen', 'abandon').ok).toBe(false);
  });
});

describe('status helpers', () => {
  it('every status and action has a French label', () => {
    for (const s of STATUSES) expect(STATUS_LABELS[s]).toMatch(/\S/);
    for (const a of ACTIONS) expect(ACTION_LABELS[a]).toMatch(/\S/);
    expect(ACTION_LABELS.request_complement).toBe('Demander des pièces complémentaires');
    expect(ACTION_LABELS.complete).toBe('Déclarer le dossier complet');
    expect(ACTION_LABELS.deposit).toBe('Déposer la demande');
    expect(ACTION_LABELS.submit_complements).toBe('Déposer les compléments');
  });

  it('isStatus', () => {
    for (const s of STATUSES) expect(isStatus(s)).toBe(true);
    expect(isStatus('nope')).toBe(false);
    expect(isStatus(undefined)).toBe(false);
    expect(isStatus(3)).toBe(false);
  });

  it('drafts and abandoned drafts are the states never deposited', () => {
    expect([...NEVER_DEPOSITED_STATUSES].sort()).toEqual(['abandonnee', 'brouillon']);
  });

  it('pieces are reviewed once the dossier is taken, and again when complements came in', () => {
    expect(STATUSES.filter(canReviewPieces)).toEqual(['en_examen', 'complement_recu']);
  });
});

import { describe, expect, it } from 'vitest';
import { checkClosure } from './closure.js';

const deadline = new Date('2026-07-15T21:59:59.999Z'); // 15 July 2026, 23:59:59 Paris
const after = new Date('2026-07-15T22:00:00Z');
const before = new Date('2026-07-15T21:59:00Z');

describe('checkClosure: when a dossier may be closed as incomplete', () => {
  it('allows it once the deadline of a delivered request has passed', () => {
    expect(checkClosure({ status: 'complement_demande', deadlineAt: deadline, requestEmail: 'sent' }, after)).toEqual({ ok: true });
  });

  it('refuses before the end of the last day, naming the deadline', () => {
    expect(checkClosure({ status: 'complement_demande', deadlineAt: deadline, requestEmail: 'sent' }, before)).toMatchObject({
      ok: false,
      reason: 'deadline',
      message: expect.stringContaining('(échéance le 15/07/2026)'),
    });
  });

  it('refuses while the request e-mail is queued, failed or bounced, even long after the deadline', () => {
    const late = new Date('2026-12-01T10:00:00Z');
    for (const requestEmail of ['queued', 'failed', 'bounced', null] as const) {
      const check = checkClosure({ status: 'complement_demande', deadlineAt: deadline, requestEmail }, late);
      expect(check, String(requestEmail)).toMatchObject({ ok: false, reason: 'undelivered' });
    }
    expect(checkClosure({ status: 'complement_demande', deadlineAt: null, requestEmail: 'failed' }, late)).toMatchObject({
      message: expect.stringMatching(/pas été remis à l’usager \(échec d’envoi\).*renvoyez la demande/),
    });
    expect(checkClosure({ status: 'complement_demande', deadlineAt: deadline, requestEmail: 'bounced' }, late)).toMatchObject({
      message: expect.stringContaining('(rejeté)'),
    });
  });

  it('refuses when every requested piece came, deposited or not, once the deadline has passed', () => {
    expect(checkClosure({ status: 'complement_demande', deadlineAt: deadline, requestEmail: 'sent', answered: true }, after)).toMatchObject(
      {
        ok: false,
        reason: 'answered',
        message: expect.stringContaining('a joint toutes les pièces demandées'),
      },
    );
    expect(checkClosure({ status: 'complement_demande', deadlineAt: deadline, requestEmail: 'sent', answered: false }, after)).toEqual({
      ok: true,
    });
  });

  it('refuses from any other state with the transition table’s message', () => {
    for (const status of ['deposee', 'en_examen', 'complement_recu', 'complete', 'cloturee_incomplete'] as const) {
      expect(checkClosure({ status, deadlineAt: deadline, requestEmail: 'sent' }, after)).toMatchObject({
        ok: false,
        reason: 'status',
        message: expect.stringContaining('Clôturer le dossier (incomplet)'),
      });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { canAttachForApplicant, isReceivedLate, receiptDateRefusal } from './counter-deposit.js';
import { STATUSES } from './statuses.js';

describe('a piece received at the counter or by post', () => {
  // Deposited on Monday 29 June 2026 at 23:30 in Paris (21:30 UTC); the agent records it on 3 July.
  const depositedAt = new Date('2026-06-29T21:30:00Z');
  const now = new Date('2026-07-03T22:30:00Z'); // Saturday 4 July, 00:30 in Paris

  it('takes a date from the day of the deposit to today, in Paris', () => {
    expect(receiptDateRefusal('2026-06-29', depositedAt, now)).toBeNull();
    expect(receiptDateRefusal('2026-07-04', depositedAt, now)).toBeNull();
  });

  it('refuses a date in the future or before the deposit', () => {
    expect(receiptDateRefusal('2026-07-05', depositedAt, now)).toBe('La date de réception ne peut pas être dans le futur.');
    expect(receiptDateRefusal('2026-06-28', depositedAt, now)).toBe(
      'La date de réception ne peut pas précéder le dépôt de la demande (le 29/06/2026).',
    );
  });

  it('is attached only while the préfecture examines the file', () => {
    expect(STATUSES.filter(canAttachForApplicant)).toEqual(['en_examen', 'complement_demande', 'complement_recu']);
  });

  it('is late when received after the last day of the deadline, whenever it is recorded', () => {
    const deadlineAt = new Date('2026-07-15T21:59:59Z'); // 15 July, 23:59:59 in Paris
    expect(isReceivedLate('2026-07-15', deadlineAt)).toBe(false);
    expect(isReceivedLate('2026-07-16', deadlineAt)).toBe(true);
    expect(isReceivedLate('2026-07-16', null)).toBe(false);
  });
});

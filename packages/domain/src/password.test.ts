import { describe, expect, it } from 'vitest';
import { applicantPasswordMessage, applicantPasswordProblems } from './password.js';

describe('applicant password policy (domain §2)', () => {
  it("accepts the guide's provisional password", () => {
    expect(applicantPasswordMessage('*uExGKeEe2D6r')).toBeNull();
    expect(applicantPasswordProblems('*uExGKeEe2D6r')).toEqual([]);
  });

  it.each(['Abcdef1!', 'Éléphant9#', 'xY_12345'])('accepts %j', (password) => {
    expect(applicantPasswordMessage(password)).toBeNull();
  });

  it.each([
    ['Ab1!xyz', 'au moins 8 caractères'],
    ['abcdefg1!', 'une majuscule'],
    ['ABCDEFG1!', 'une minuscule'],
    ['Abcdefgh!', 'un chiffre'],
    ['Abcdefgh1', 'un caractère spécial'],
    [`Ab1!${'x'.repeat(253)}`, 'au plus 256 caractères'],
  ])('%j is refused: message names « %s »', (password, rule) => {
    const message = applicantPasswordMessage(password);
    expect(message).not.toBeNull();
    expect(message).toContain(rule);
    expect(message).toMatch(/^Votre mot de passe doit contenir /);
    expect(applicantPasswordProblems(password)).toEqual([rule]);
  });

  it('names every missing rule at once', () => {
    expect(applicantPasswordMessage('')).toBe(
      'Votre mot de passe doit contenir au moins 8 caractères, une majuscule, une minuscule, un chiffre, un caractère spécial.',
    );
    expect(applicantPasswordProblems('abc')).toEqual(['au moins 8 caractères', 'une majuscule', 'un chiffre', 'un caractère spécial']);
  });

  it('exactly 8 characters is enough, 7 is not', () => {
    expect(applicantPasswordMessage('Abcde1!x')).toBeNull();
    expect(applicantPasswordMessage('Abcd1!x')).toContain('au moins 8 caractères');
  });
});

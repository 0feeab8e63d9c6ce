import { describe, expect, it } from 'vitest';
import { normalizeSearchText } from './search.js';

describe('normalizeSearchText', () => {
  it('lower-cases, removes accents, folds spaces', () => {
    expect(normalizeSearchText("  Éléonore  N'DIAYE ")).toBe("eleonore n'diaye");
    expect(normalizeSearchText('Çağla\tÖZTÜRK')).toBe('cagla ozturk');
  });

  it('matches typed and stored forms alike', () => {
    expect(normalizeSearchText('DUPONT')).toBe(normalizeSearchText('dupont'));
    expect(normalizeSearchText('Hélène')).toBe(normalizeSearchText('HELENE'));
    // Decomposed input (NFD from some keyboards / PDFs) gives the same result as composed input.
    expect(normalizeSearchText('He\u0301le\u0300ne')).toBe('helene');
  });

  it('keeps numéros and digits', () => {
    expect(normalizeSearchText(' 5901202310050000316 ')).toBe('5901202310050000316');
  });
});

import { describe, expect, it } from 'vitest';
import { departementFromInsee, formatNumero, NUMERO_PATTERN, parseNumero } from './numero.js';

const utc = (iso: string) => new Date(iso);

describe('formatNumero (domain §6)', () => {
  it("the guide's example: 59 + 01 + 20231005 + 0000316", () => {
    // 5 Oct 2023, 10:00 Paris (CEST) = 08:00Z.
    expect(formatNumero('59', utc('2023-10-05T08:00:00Z'), 316)).toBe('5901202310050000316');
  });

  it("the guide's next-day example, the sequence carrying on across days", () => {
    expect(formatNumero('59', utc('2023-10-06T08:00:00Z'), 321)).toBe('5901202310060000321');
  });

  it('uses the Paris day: 23:30 Paris on the 5th stays the 5th', () => {
    // 23:30 CEST = 21:30Z; in Tokyo, Sydney or Nouméa it is already the 6th.
    const instant = utc('2023-10-05T21:30:00Z');
    expect(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(instant)).toBe('2023-10-06');
    expect(formatNumero('59', instant, 316)).toBe('5901202310050000316');
  });

  it('uses the Paris day: 00:30 Paris on the 6th is the 6th although it is still the 5th in UTC', () => {
    const instant = utc('2023-10-05T22:30:00Z');
    expect(instant.getUTCDate()).toBe(5);
    expect(formatNumero('59', instant, 321)).toBe('5901202310060000321');
  });

  it('winter: 00:30 Paris on 1 Jan 2026 = 23:30Z on 31 Dec 2025 → 20260101', () => {
    expect(formatNumero('75', utc('2025-12-31T23:30:00Z'), 1)).toBe('7501202601010000001');
  });

  it('Corsica and overseas départements', () => {
    expect(formatNumero('2A', utc('2023-10-05T08:00:00Z'), 7)).toBe('2A01202310050000007');
    expect(formatNumero('974', utc('2023-10-05T08:00:00Z'), 9_999_999)).toBe('97401202310059999999');
  });

  it('pads a one-digit département and folds the case', () => {
    expect(formatNumero('1', utc('2023-10-05T08:00:00Z'), 316)).toBe('0101202310050000316');
    expect(formatNumero('2a', utc('2023-10-05T08:00:00Z'), 316)).toBe('2A01202310050000316');
  });

  it.each(['', '2C', '5901', 'XX', '9A'])('département %j is refused rather than giving an unreadable numéro', (dep) => {
    expect(() => formatNumero(dep, utc('2023-10-05T08:00:00Z'), 1)).toThrow(RangeError);
  });

  it.each([0, -1, 10_000_000, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('sequence %s is out of range', (sequence) => {
    expect(() => formatNumero('59', utc('2023-10-05T08:00:00Z'), sequence)).toThrow(RangeError);
  });

  it('sequence bounds 1 and 9 999 999 are accepted', () => {
    expect(formatNumero('59', utc('2023-10-05T08:00:00Z'), 1)).toBe('5901202310050000001');
    expect(formatNumero('59', utc('2023-10-05T08:00:00Z'), 9_999_999)).toBe('5901202310059999999');
  });
});

describe('parseNumero', () => {
  it("parses the guide's example", () => {
    expect(parseNumero('5901202310050000316')).toEqual({ departement: '59', date: '20231005', sequence: 316 });
  });

  it.each([
    ['59', '2023-10-05T08:00:00Z', 316],
    ['2A', '2024-02-29T12:00:00Z', 1],
    ['2B', '2026-07-14T12:00:00Z', 42],
    ['971', '2026-01-01T12:00:00Z', 9_999_999],
    ['974', '2025-12-31T22:30:00Z', 123_456],
    ['01', '2026-03-29T12:00:00Z', 10],
    ['988', '2026-05-01T12:00:00Z', 5],
  ])('round-trips %s', (departement, iso, sequence) => {
    const numero = formatNumero(departement, utc(iso), sequence);
    expect(numero).toMatch(NUMERO_PATTERN);
    const parsed = parseNumero(numero);
    expect(parsed).not.toBeNull();
    expect(parsed!.departement).toBe(departement);
    expect(parsed!.sequence).toBe(sequence);
    const paris = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(utc(iso)).replaceAll('-', '');
    expect(parsed!.date).toBe(paris);
  });

  it.each(['', 'abc', '590120231005000031', '59012023100500003160', '5902202310050000316', 'XX01202310050000316', '5901202310050000316 '])(
    'rejects %j',
    (value) => {
      expect(parseNumero(value)).toBeNull();
    },
  );
});

describe('departementFromInsee', () => {
  it.each([
    ['59350', '59'], // Lille
    ['75056', '75'], // Paris
    ['01053', '01'],
    ['2A004', '2A'], // Ajaccio
    ['2B033', '2B'], // Bastia
    ['2a004', '2A'],
    [' 59350 ', '59'],
    ['97411', '974'], // Saint-Denis (La Réunion)
    ['97105', '971'],
    ['97611', '976'],
    ['98818', '988'],
  ])('%j → %s', (insee, dep) => {
    expect(departementFromInsee(insee)).toBe(dep);
  });

  it.each(['', '5935', '593500', '2C004', 'ABCDE', '59 350', '2A00X'])('%j → null', (insee) => {
    expect(departementFromInsee(insee)).toBeNull();
  });

  it('every département it returns can be used in a numéro', () => {
    for (const insee of ['59350', '2A004', '2B033', '97411', '97611', '98818', '01053']) {
      const dep = departementFromInsee(insee)!;
      expect(parseNumero(formatNumero(dep, utc('2023-10-05T08:00:00Z'), 316))?.departement).toBe(dep);
    }
  });
});

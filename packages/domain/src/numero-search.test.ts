import { describe, expect, it } from 'vitest';
import { formatNumero, numeroHead } from './numero.js';
import { depositDaySpans, numeroStartsContaining } from './numero-search.js';

/** A small deterministic generator: the same numéros at every run. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % below;
  };
}

function numerosOf(departement: string, count: number, next: (below: number) => number): string[] {
  const first = Date.UTC(2024, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const depositedAt = new Date(first + next(4 * 365) * 86_400_000 + next(86_400_000));
    // Small sequences too: their zeros meet the date's.
    const sequence = i % 3 === 0 ? 1 + next(300) : 1 + next(9_999_999);
    return formatNumero(departement, depositedAt, sequence);
  });
}

/** The numéros starting with one of the starts, each dated start completed with every year of the numéros, as the SQL does. */
function foundByStarts(numeros: string[], digits: string, departement: string): string[] {
  const head = numeroHead(departement);
  const years = [...new Set(numeros.map((numero) => numero.slice(head.length, head.length + 4)))];
  const { known, dated } = numeroStartsContaining(digits, departement);
  const starts = [
    ...known,
    ...dated.flatMap(({ yearDigits, tails }) =>
      years.flatMap((year) => tails.map((tail) => `${head}${year.slice(0, yearDigits)}${tail}${digits}`)),
    ),
  ];
  return numeros.filter((numero) => starts.some((start) => numero.startsWith(start)));
}

describe('the starts of the numéros holding 8 digits or more', () => {
  it.each(['59', '2A', '971', '1'])('find exactly the numéros of département %s that hold them, wherever they sit', (departement) => {
    const next = random(departement.charCodeAt(0) * 7 + departement.length);
    const numeros = numerosOf(departement, 1500, next);
    const searched = new Set<string>(['20261116', '20250101', '01202510', '00000001', '12310000', '99999999']);
    for (let i = 0; i < 150; i++) {
      const numero = numeros[next(numeros.length)]!;
      const length = 8 + next(numero.length - 7);
      const from = next(numero.length - length + 1);
      const digits = numero.slice(from, from + length);
      if (/^\d+$/.test(digits)) searched.add(digits);
    }
    for (const digits of searched) {
      expect(foundByStarts(numeros, digits, departement), digits).toEqual(numeros.filter((numero) => numero.includes(digits)));
    }
  });

  it('look up a deposit date as one start, and where it could also run into a sequence as a few', () => {
    const { known, dated } = numeroStartsContaining('20261116', '59');
    expect(known).toEqual(['590120261116']);
    // Day 2 or 12 or 22 then sequence 0261116…, day 20 then 261116…, day 02 of February or December then 61116…
    expect(dated.map(({ yearDigits, tails }) => [yearDigits, tails.length])).toEqual([
      [4, 2],
      [4, 12],
      [4, 36],
    ]);
  });

  it('refuse fewer than 8 digits, or anything but digits', () => {
    expect(() => numeroStartsContaining('2026111', '59')).toThrow(RangeError);
    expect(() => numeroStartsContaining('2026111a', '59')).toThrow(RangeError);
  });
});

describe('the spans of deposit dates', () => {
  it('are whole days in Paris, consecutive ones joined, a day of 23 hours when the clocks go forward', () => {
    const at = (iso: string) => new Date(iso).getTime();
    expect(depositDaySpans(['20260330', '20260328', '20260329', '20260301', '20260330'])).toEqual([
      [at('2026-02-28T23:00:00Z'), at('2026-03-01T23:00:00Z')],
      [at('2026-03-27T23:00:00Z'), at('2026-03-30T22:00:00Z')],
    ]);
    const [[start, end]] = depositDaySpans(['20260329']) as [[number, number]];
    expect(end - start).toBe(23 * 3600_000);
  });
});

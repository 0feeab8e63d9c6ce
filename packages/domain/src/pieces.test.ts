import { describe, expect, it } from 'vitest';
import {
  ACCEPTED_EXTENSIONS,
  ACCEPTED_FILE_TYPES,
  EPHOTO_PATTERN,
  FLAGGED_REVIEW_STATUSES,
  MAX_FILE_BYTES,
  normalizeEphoto,
  PIECE_CATALOGUE,
  PIECE_CODES,
  pieceDefinition,
  REVIEW_LABELS,
  REVIEW_STATUSES,
} from './pieces.js';

describe('piece catalogue (domain §3)', () => {
  it('has the six codes, in order, with the required flags of the table', () => {
    expect(PIECE_CATALOGUE.map((p) => [p.code, p.required])).toEqual([
      ['EPHOTO', true],
      ['JUSTIFICATIF_NATIONALITE', true],
      ['JUSTIFICATIF_IDENTITE', true],
      ['JUSTIFICATIF_ENTREE_REGULIERE', false],
      ['JUSTIFICATIF_DOMICILE', true],
      ['JUSTIFICATIF_RESIDENCE_HABITUELLE', true],
    ]);
    expect([...PIECE_CODES]).toEqual(PIECE_CATALOGUE.map((p) => p.code));
  });

  it('EPHOTO is a code, not a file; the others are files', () => {
    expect(pieceDefinition('EPHOTO')).toMatchObject({ kind: 'code', maxFiles: 0 });
    for (const code of PIECE_CODES.filter((c) => c !== 'EPHOTO')) {
      expect(pieceDefinition(code).kind).toBe('files');
      expect(pieceDefinition(code).maxFiles).toBeGreaterThanOrEqual(1);
    }
  });

  it('résidence habituelle: up to 6 files; domicile: several files', () => {
    expect(pieceDefinition('JUSTIFICATIF_RESIDENCE_HABITUELLE').maxFiles).toBe(6);
    expect(pieceDefinition('JUSTIFICATIF_DOMICILE').maxFiles).toBeGreaterThan(1);
  });

  it('labels are French, as in the table', () => {
    expect(pieceDefinition('EPHOTO').label).toBe('Numéro e-photo');
    expect(pieceDefinition('JUSTIFICATIF_NATIONALITE').label).toBe('Justificatif de nationalité');
    expect(pieceDefinition('JUSTIFICATIF_DOMICILE').label).toBe('Justificatif de domicile de moins de 6 mois');
    for (const p of PIECE_CATALOGUE) expect(p.hint).toMatch(/\S/);
  });
});

describe('review statuses', () => {
  it('a_verifier → conforme | manquant | illisible | non_conforme', () => {
    expect([...REVIEW_STATUSES]).toEqual(['a_verifier', 'conforme', 'manquant', 'illisible', 'non_conforme']);
    expect([...FLAGGED_REVIEW_STATUSES].sort()).toEqual(['illisible', 'manquant', 'non_conforme']);
    expect(REVIEW_LABELS.manquant).toBe('Document manquant');
  });
});

describe('e-photo code', () => {
  it('normalizes case and spaces', () => {
    expect(normalizeEphoto(' ab12 cd34 ef56 gh78 ij90 kl ')).toBe('AB12CD34EF56GH78IJ90KL');
    expect(EPHOTO_PATTERN.test(normalizeEphoto('ab12 cd34 ef56 gh78 ij90 kl'))).toBe(true);
  });

  it('22 alphanumerics exactly', () => {
    expect(EPHOTO_PATTERN.test('0'.repeat(22))).toBe(true);
    expect(EPHOTO_PATTERN.test('0'.repeat(21))).toBe(false);
    expect(EPHOTO_PATTERN.test('0'.repeat(23))).toBe(false);
    expect(EPHOTO_PATTERN.test(`${'0'.repeat(21)}-`)).toBe(false);
  });
});

describe('files', () => {
  it('extensions and 10 Mo', () => {
    expect([...ACCEPTED_EXTENSIONS].sort()).toEqual(['.bmp', '.jpeg', '.jpg', '.pdf', '.png', '.tif', '.tiff']);
    expect(Object.keys(ACCEPTED_FILE_TYPES).sort()).toEqual(['application/pdf', 'image/bmp', 'image/jpeg', 'image/png', 'image/tiff']);
    expect(MAX_FILE_BYTES).toBe(10 * 1024 * 1024);
  });
});

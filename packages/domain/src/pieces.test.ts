import { describe, expect, it } from 'vitest';
import {
  EPHOTO_PATTERN,
  FLAGGED_REVIEW_STATUSES,
  groupBySection,
  normalizeEphoto,
  PIECE_CATALOGUE,
  PIECE_CODES,
  type PieceCode,
  pieceCodeFromStored,
  pieceDefinition,
  REVIEW_LABELS,
  REVIEW_STATUSES,
  reviewLabel,
  reviewVerdicts,
  STORED_PIECE_CODES,
  sortByCatalogue,
  verdictRefusal,
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

describe('review labels', () => {
  it('speak of a number for the e-photo code, of a document otherwise', () => {
    expect(reviewLabel('code', 'manquant')).toBe('Numéro manquant');
    expect(reviewLabel('code', 'non_conforme')).toBe('Numéro non conforme');
    expect(reviewLabel('code', 'conforme')).toBe('Conforme');
    expect(reviewLabel('files', 'manquant')).toBe('Document manquant');
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

describe('catalogue order and the guide’s sections', () => {
  const shuffled: { code: PieceCode; id: number }[] = [
    { code: 'JUSTIFICATIF_RESIDENCE_HABITUELLE', id: 1 },
    { code: 'EPHOTO', id: 2 },
    { code: 'JUSTIFICATIF_DOMICILE', id: 3 },
    { code: 'JUSTIFICATIF_IDENTITE', id: 4 },
  ];

  it('sorts any list of pieces in catalogue order, without touching the input', () => {
    expect(sortByCatalogue(shuffled).map((p) => p.id)).toEqual([2, 4, 3, 1]);
    expect(shuffled[0]!.id).toBe(1);
  });

  it('groups pieces under ÉTAT CIVIL, DOMICILIATION and MOTIF DE SÉJOUR, leaving empty sections out', () => {
    const all = groupBySection(PIECE_CODES.map((code) => ({ code })));
    expect(all.map((section) => [section.title, section.items.map((p) => p.code)])).toEqual([
      ['ÉTAT CIVIL', ['EPHOTO', 'JUSTIFICATIF_NATIONALITE', 'JUSTIFICATIF_IDENTITE', 'JUSTIFICATIF_ENTREE_REGULIERE']],
      ['DOMICILIATION', ['JUSTIFICATIF_DOMICILE']],
      ['MOTIF DE SÉJOUR', ['JUSTIFICATIF_RESIDENCE_HABITUELLE']],
    ]);
    expect(groupBySection([{ code: 'JUSTIFICATIF_DOMICILE' as const }]).map((section) => section.id)).toEqual(['domiciliation']);
  });
});

describe('verdicts a piece accepts', () => {
  it('a file may be conforming, missing, illegible or non-conforming; « à vérifier » is no verdict', () => {
    expect(reviewVerdicts('files')).toEqual(['conforme', 'manquant', 'illisible', 'non_conforme']);
  });

  it('an e-photo number is missing or non-conforming, never illegible', () => {
    expect(reviewVerdicts('code')).toEqual(['conforme', 'manquant', 'non_conforme']);
    expect(verdictRefusal('EPHOTO', 'illisible')).toBe(
      '« Document illisible » ne s’applique pas à la pièce « Numéro e-photo » : choisissez « Conforme », « Document manquant », « Document non conforme ».',
    );
    expect(verdictRefusal('EPHOTO', 'non_conforme')).toBeNull();
    expect(verdictRefusal('JUSTIFICATIF_IDENTITE', 'illisible')).toBeNull();
  });
});

describe('stored piece codes', () => {
  it('read back every piece code from its short form, and nothing else', () => {
    for (const code of PIECE_CODES) expect(pieceCodeFromStored(STORED_PIECE_CODES[code])).toBe(code);
    expect(new Set(Object.values(STORED_PIECE_CODES)).size).toBe(PIECE_CODES.length);
    expect(pieceCodeFromStored('JUSTIFICATIF_IDENTITE')).toBeUndefined();
    expect(pieceCodeFromStored('constructor')).toBeUndefined();
  });
});

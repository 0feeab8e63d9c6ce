import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { complementRequested, createHarness, get, type Harness, PDF_BYTES, uploadFile } from '../../testing/harness.js';
import { sanitizeFileName } from './upload.js';

describe('the stored name of an uploaded file', () => {
  it.each([
    ['facture\u202Efdp.exe', 'facturefdp.pdf'],
    ['\u2066acte\u2069 \u200Ede\u200F naissance.pdf', 'acte de naissance.pdf'],
    ['\u202Aa\u202Bb\u202Cc\u202Dd\u2067e\u2068f.pdf', 'abcdef.pdf'],
    ['ligne\u2028ligne\u2029fin\u0085.pdf', 'lignelignefin.pdf'],
    ['zéro\u200Blargeur\uFEFF.pdf', 'zérolargeur.pdf'],
    ['tab\tnul\u0000del\u007f.pdf', 'tabnuldel.pdf'],
    ['\u202E\u202E.pdf', 'document.pdf'],
  ])('drops the bidirectional and other control characters of %j', (original, stored) => {
    expect(sanitizeFileName(original, 'pdf')).toBe(stored);
  });

  it('keeps letters of every script, and spaces', () => {
    expect(sanitizeFileName('جواز سفر – Ñandú.pdf', 'pdf')).toBe('جواز سفر – Ñandú.pdf');
  });
});

describe('an upload named to deceive the agent', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });
  afterEach(() => h.close());

  it('is shown to the agent under its name without the reversing character', async () => {
    const { pieceIds, usager, agent } = await complementRequested(h);
    const response = await uploadFile(h, usager, pieceIds.JUSTIFICATIF_IDENTITE!, PDF_BYTES, 'passeport\u202Efdp.exe');
    expect(response.status).toBe(201);
    const { id } = await response.json();
    const file = await (await get(h, `/api/files/${id}`, agent)).json();
    expect(file.original_name).toBe('passeportfdp.pdf');
  });
});

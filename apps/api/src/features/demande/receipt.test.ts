import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ReceiptData, receiptBirthDate, renderReceipt } from './receipt.js';

const data: ReceiptData = {
  numero: '5901202310050000316',
  depositedAt: new Date('2023-10-05T08:00:00Z'),
  birthName: 'Guide',
  usageName: '',
  firstNames: ['Malade'],
  birthDay: 2,
  birthMonth: 4,
  birthYear: 2000,
  birthPlace: 'Mexico',
  birthCountry: 'Mexique',
  nationalities: ['Mexique'],
  addressNumber: '20',
  addressStreet: 'Rue Nationale',
  addressComplement: '',
  postalCode: '59800',
  city: 'Lille',
  country: 'France',
};

function text(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'em-recu-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), bytes);
    return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('receipt', () => {
  it('prints the birth date as far as it is known', () => {
    expect(receiptBirthDate({ birthDay: 2, birthMonth: 4, birthYear: 2000 })).toBe('02/04/2000');
    expect(receiptBirthDate({ birthDay: null, birthMonth: 4, birthYear: 2000 })).toBe('04/2000');
    expect(receiptBirthDate({ birthDay: null, birthMonth: null, birthYear: 2000 })).toBe('2000');
  });

  it('draws names the standard fonts cannot encode without failing: accents kept where possible, else « ? »', async () => {
    const pdf = await renderReceipt({ ...data, birthName: 'Łukasz Öztürk 王', firstNames: ['Ğül'] });
    const lines = text(pdf).split('\n');
    expect(lines).toContain('Nom de naissance : LUKASZ ÖZTÜRK ?');
    expect(lines).toContain('Prénom : GÜL');
  });

  it('is the same document for the same deposit', async () => {
    expect(await renderReceipt(data)).toEqual(await renderReceipt(data));
  });
});

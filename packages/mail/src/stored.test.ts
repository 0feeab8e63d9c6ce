import { describe, expect, it } from 'vitest';
import { readStoredData, storedData, storedEmailContent, storedEmailSubject } from './stored.js';
import { samples } from './template-samples.js';
import { renderEmail } from './templates.js';
import type { TemplateData, TemplateName } from './types.js';

const reminder: TemplateData['reminder'] = {
  to: { firstNames: ['Awa'], birthName: 'DIALLO' },
  numero: '5901202603020000001',
  deadline: new Date('2026-10-19T21:59:59.999Z'),
  pieces: [{ code: 'JUSTIFICATIF_IDENTITE', reviewStatus: 'illisible', message: 'Le passeport est flou.' }],
  resumeUrl: 'http://localhost:3000/demande/justificatifs',
};
/** An outbox row as the API reads it, its dossier's numéro joined. */
const stored = <T extends TemplateName>(template: T, data: TemplateData[T]) => ({
  template,
  data: storedData(data),
  numero: 'numero' in data ? data.numero : null,
  subject: '',
  text: '',
  html: '',
});

describe('e-mails stored as template and data', () => {
  for (const template of Object.keys(samples) as TemplateName[]) {
    it(`${template}: reads back as it was written, subject, bodies and dates included`, () => {
      const row = stored(template, samples[template]);
      expect(readStoredData(row.data, row.numero)).toEqual(samples[template]);
      expect(storedEmailContent(row)).toEqual(renderEmail(template, samples[template]));
      expect(storedEmailSubject(row)).toBe(renderEmail(template, samples[template]).subject);
    });
  }

  it('keep short keys, short piece codes and dates as numbers: a reminder in a third of its JSON', () => {
    const short = storedData(reminder);
    // Without the numéro, which the row's dossier holds.
    expect(JSON.parse(short)).toEqual({
      t: { f: ['Awa'], b: 'DIALLO' },
      e: reminder.deadline.getTime(),
      p: [{ c: 'id', s: 'illisible', m: 'Le passeport est flou.' }],
      r: 'http://localhost:3000/demande/justificatifs',
    });
    expect(short.length).toBeLessThan(JSON.stringify(reminder).length * 0.7);
    expect(storedEmailContent(stored('reminder', reminder)).text).toContain('19 octobre 2026');
  });

  it('read the data written before the short form as it was, its own numéro included', () => {
    const before = JSON.stringify(reminder);
    expect(readStoredData(before, null)).toEqual(reminder);
    expect(readStoredData(before, '7501202601010000009')).toEqual(reminder);
    expect(storedEmailContent({ ...stored('reminder', reminder), data: before })).toEqual(renderEmail('reminder', reminder));
  });

  it('keep of the addressee only the names the greeting uses', () => {
    const record = { ...reminder.to!, phone: '06 12 34 56 78', addressStreet: 'Rue de Lille', email: 'awa@example.fr' };
    const data = storedData({ ...reminder, to: record });
    expect(data).toBe(storedData(reminder));
  });

  it('refuse a key without a stored name rather than write what could not be read back', () => {
    expect(() => storedData({ ...reminder, extra: 1 } as TemplateData['reminder'])).toThrow(/extra/);
    // A name every object inherits is no stored name either.
    expect(() => storedData({ ...reminder, constructor: 1 } as unknown as TemplateData['reminder'])).toThrow(/constructor/);
  });

  it('keep the subject and bodies of e-mails written before their data was kept', () => {
    expect(
      storedEmailContent({ template: 'reminder', data: null, numero: null, subject: 'Rappel', text: 'texte', html: '<p>html</p>' }),
    ).toEqual({
      subject: 'Rappel',
      text: 'texte',
      html: '<p>html</p>',
    });
  });
});

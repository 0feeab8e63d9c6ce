import { describe, expect, it } from 'vitest';
import { emailBodies, storedData } from './stored.js';
import { renderEmail } from './templates.js';
import type { TemplateData } from './types.js';

const reminder: TemplateData['reminder'] = {
  to: { firstNames: ['Awa'], birthName: 'DIALLO' },
  numero: '5901202603020000001',
  deadline: new Date('2026-10-19T21:59:59.999Z'),
  pieces: [{ code: 'JUSTIFICATIF_IDENTITE', reviewStatus: 'illisible', message: 'Le passeport est flou.' }],
  resumeUrl: 'http://localhost:3000/demande/justificatifs',
};

describe('e-mails stored as template and data', () => {
  it('render when read exactly as they did when written, dates included', () => {
    const { text, html } = renderEmail('reminder', reminder);
    const read = emailBodies({ template: 'reminder', data: storedData(reminder), text: '', html: '' });
    expect(read).toEqual({ text, html });
    expect(read.text).toContain('19 octobre 2026');
    expect(storedData(reminder).length).toBeLessThan(html.length / 4);
  });

  it('keep of the addressee only the names the greeting uses', () => {
    const record = { ...reminder.to!, phone: '06 12 34 56 78', addressStreet: 'Rue de Lille', email: 'awa@example.fr' };
    const stored = storedData({ ...reminder, to: record });
    expect(JSON.parse(stored).to).toEqual({ firstNames: ['Awa'], birthName: 'DIALLO' });
    expect(emailBodies({ template: 'reminder', data: stored, text: '', html: '' })).toEqual(
      emailBodies({ template: 'reminder', data: storedData(reminder), text: '', html: '' }),
    );
  });

  it('keep the bodies of e-mails written before their data was kept', () => {
    expect(emailBodies({ template: 'reminder', data: null, text: 'texte', html: '<p>html</p>' })).toEqual({
      text: 'texte',
      html: '<p>html</p>',
    });
  });
});

import { renderEmail } from './templates.js';
import type { Addressee, TemplateData, TemplateName } from './types.js';

/**
 * The version of these templates, stored with each e-mail: a change to a template's wording bumps it
 * and keeps the former rendering for the e-mails already written (an e-mail reads as it was sent).
 */
export const TEMPLATE_VERSION = 1;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A template's data as stored (JSON): dates travel as ISO instants and come back as Dates. Of the
 * addressee, only what the greeting uses: a whole record passed as `to` (address, telephone…)
 * would otherwise be copied into every e-mail row.
 */
export function storedData(data: TemplateData[TemplateName]): string {
  if (!('to' in data) || !data.to) return JSON.stringify(data);
  const to: Addressee = { firstNames: data.to.firstNames, birthName: data.to.birthName };
  return JSON.stringify({ ...data, to });
}

/**
 * The bodies of a stored e-mail: rendered from its template and data, or, for an e-mail written
 * before the data was kept, the bodies stored with it.
 */
export function emailBodies(row: { template: TemplateName; data: string | null; text: string; html: string }) {
  if (row.data === null) return { text: row.text, html: row.html };
  const data = JSON.parse(row.data, (_key, value) => (typeof value === 'string' && ISO_INSTANT.test(value) ? new Date(value) : value));
  const { text, html } = renderEmail(row.template, data);
  return { text, html };
}

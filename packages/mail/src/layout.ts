import { PARIS_TZ, REVIEW_LABELS } from '@em/domain';
import type { Addressee, RenderedEmail, RequestedPiece } from './types.js';

export const SIGNATURE = 'La Direction Générale des Etrangers en France';
export const AUTOMATIC_NOTICE = 'Ce message est généré automatiquement, merci de ne pas y répondre.';

/**
 * The content of a message, independent of its format. Texts are plain strings: the HTML
 * renderer escapes them, the text renderer prints them as they are.
 */
export type Block =
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'list'; items: string[] }
  | { kind: 'fields'; fields: { label: string; value: string }[] }
  | { kind: 'link'; label: string; url: string; intro?: string };

export const paragraph = (...lines: string[]): Block => ({ kind: 'paragraph', lines });
export const list = (items: string[]): Block => ({ kind: 'list', items });
export const fields = (...entries: { label: string; value: string }[]): Block => ({ kind: 'fields', fields: entries });
export const link = (label: string, url: string, intro?: string): Block => ({ kind: 'link', label, url, ...(intro ? { intro } : {}) });

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes a value for HTML text and double- or single-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/** « Bonjour Malade GUIDE, »: first names as written, then the birth name in capitals. */
export function greeting(to: Addressee | null): string {
  if (!to) return 'Bonjour,';
  const names = [...to.firstNames, to.birthName.toLocaleUpperCase('fr-FR')].map((name) => name.trim()).filter(Boolean);
  return names.length ? `Bonjour ${names.join(' ')},` : 'Bonjour,';
}

/** « « JUSTIFICATIF_IDENTITE » (Document manquant) : veuillez joindre un autre document », as in the guide. */
export function requestedPieceLine(piece: RequestedPiece): string {
  const head = `« ${piece.code} » (${REVIEW_LABELS[piece.reviewStatus]})`;
  const message = piece.message.trim();
  return message ? `${head} : ${message}` : head;
}

/** « Justificatif d’identité »: a piece named for the applicant by its label, never its code. */
export function namedPieceLine(piece: { code: string; label: string }): string {
  return piece.label.trim() || piece.code;
}

const parisTime = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS_TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** « 10 h 05 », wall-clock time in Paris. */
export function formatParisTime(instant: Date): string {
  return parisTime.format(instant).replace(':', ' h ');
}

function renderText(greetingLine: string, blocks: Block[]): string {
  const parts = blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return block.lines.join('\n');
      case 'list':
        return block.items.map((item) => `- ${item}`).join('\n');
      case 'fields':
        return block.fields.map(({ label, value }) => `${label} : ${value}`).join('\n');
      case 'link':
        return `${block.intro ? `${block.intro}\n\n` : ''}${block.label} : ${block.url}`;
      default:
        return block satisfies never;
    }
  });
  return `${[greetingLine, ...parts.filter(Boolean), 'Cordialement,', SIGNATURE, AUTOMATIC_NOTICE].join('\n\n')}\n`;
}

const FONT = 'font-family:Marianne,Arial,Helvetica,sans-serif;';
const P_STYLE = `${FONT}margin:0 0 16px 0;font-size:16px;line-height:1.5;color:#161616;`;

function renderHtmlBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="${P_STYLE}">${block.lines.map(escapeHtml).join('<br>')}</p>`;
    case 'list':
      if (!block.items.length) return '';
      return `<ul style="${FONT}margin:0 0 16px 0;padding-left:24px;font-size:16px;line-height:1.5;color:#161616;">${block.items
        .map((item) => `<li style="margin:0 0 8px 0;">${escapeHtml(item)}</li>`)
        .join('')}</ul>`;
    case 'fields':
      return block.fields
        .map(
          ({ label, value }) =>
            `<p style="${P_STYLE}">${escapeHtml(label)} : <strong style="font-family:Consolas,Menlo,monospace;">${escapeHtml(value)}</strong></p>`,
        )
        .join('');
    case 'link': {
      const url = escapeHtml(block.url);
      return [
        block.intro ? `<p style="${P_STYLE}">${escapeHtml(block.intro)}</p>` : '',
        `<p style="${P_STYLE}"><a href="${url}" style="display:inline-block;padding:12px 20px;background-color:#000091;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px;">${escapeHtml(block.label)}</a></p>`,
        `<p style="${FONT}margin:0 0 16px 0;font-size:14px;line-height:1.5;color:#3a3a3a;">Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :<br><a href="${url}" style="color:#000091;word-break:break-all;">${url}</a></p>`,
      ].join('');
    }
  }
}

function renderHtml(subject: string, greetingLine: string, blocks: Block[]): string {
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f6f6f6;">
<div role="article" aria-label="${escapeHtml(subject)}" lang="fr" style="max-width:600px;margin:0 auto;padding:24px;background-color:#ffffff;">
<p style="${FONT}margin:0 0 24px 0;font-size:14px;line-height:1.4;font-weight:bold;color:#161616;">MINISTÈRE DE L'INTÉRIEUR ET DES OUTRE-MER<br><span style="font-weight:normal;font-style:italic;">Liberté, Égalité, Fraternité</span></p>
<p style="${P_STYLE}">${escapeHtml(greetingLine)}</p>
${blocks.map(renderHtmlBlock).filter(Boolean).join('\n')}
<p style="${P_STYLE}">Cordialement,</p>
<p style="${P_STYLE}">${escapeHtml(SIGNATURE)}</p>
<hr style="border:none;border-top:1px solid #dddddd;margin:24px 0 16px 0;">
<p style="${FONT}margin:0;font-size:13px;line-height:1.4;color:#3a3a3a;">${escapeHtml(AUTOMATIC_NOTICE)}</p>
</div>
</body>
</html>
`;
}

/** The same message in plain text and HTML, greeted and signed as the guide's e-mails are. */
export function composeEmail(subject: string, to: Addressee | null, blocks: Block[]): RenderedEmail {
  const greetingLine = greeting(to);
  return { subject, text: renderText(greetingLine, blocks), html: renderHtml(subject, greetingLine, blocks) };
}

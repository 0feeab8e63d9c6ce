import { formatParisDate } from '@em/domain';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

/** What domain §8 prints on « CONFIRMATION DU DÉPÔT D'UNE PRÉ-DEMANDE ». */
export type ReceiptData = {
  numero: string;
  depositedAt: Date;
  birthName: string;
  usageName: string;
  firstNames: string[];
  birthDay: number | null;
  birthMonth: number | null;
  birthYear: number | null;
  birthPlace: string;
  birthCountry: string;
  nationalities: string[];
  addressNumber: string;
  addressStreet: string;
  addressComplement: string;
  postalCode: string;
  city: string;
  country: string;
};

export const RECEIPT_TITLE = "CONFIRMATION DU DÉPÔT D'UNE PRÉ-DEMANDE";

const upper = (value: string) => value.toLocaleUpperCase('fr-FR').trim();
const pad = (n: number) => String(n).padStart(2, '0');

/** « 02/04/2000 », or « 04/2000 » / « 2000 » when the day or month is unknown. */
export function receiptBirthDate({ birthDay, birthMonth, birthYear }: Pick<ReceiptData, 'birthDay' | 'birthMonth' | 'birthYear'>) {
  if (!birthYear) return '';
  if (birthMonth && birthDay) return `${pad(birthDay)}/${pad(birthMonth)}/${birthYear}`;
  return birthMonth ? `${pad(birthMonth)}/${birthYear}` : String(birthYear);
}

/** The receipt's fields, in the guide's order and capitals. */
export function receiptFields(data: ReceiptData): { label: string; value: string }[] {
  const street = [data.addressNumber, data.addressStreet].filter((part) => part.trim()).join(' ');
  const address = [street, data.addressComplement, `${data.postalCode} ${data.city}`, data.country].filter((part) => part.trim()).join(' ');
  return [
    { label: 'Nom de naissance', value: upper(data.birthName) },
    { label: "Nom d'usage", value: upper(data.usageName) },
    { label: 'Prénom', value: upper(data.firstNames.join(' ')) },
    { label: 'Né(e) le', value: receiptBirthDate(data) },
    { label: 'A', value: upper([data.birthPlace, data.birthCountry].filter((part) => part.trim()).join(', ')) },
    { label: 'Nationalité', value: upper(data.nationalities.join(', ')) },
    { label: 'Adresse', value: upper(address) },
  ];
}

export function receiptStatement(depositedAt: Date): string[] {
  return [
    `Le ${formatParisDate(depositedAt)}, vous avez déposé avec succès une demande de titre de séjour qui sera examinée par la préfecture compétente.`,
    'Ce document constitue la preuve de dépôt de votre demande.',
    "Il ne constitue pas une preuve de régularité du séjour et ne permet pas l'ouverture de droits associés à un séjour régulier.",
    "Ce document n'autorise pas le franchissement des frontières de l'espace Schengen.",
    "Vous serez informé(e) de l'avancement et de la suite donnée à votre démarche par un courrier électronique vous invitant à vous connecter à votre espace personnel.",
  ];
}

const MARGIN = 56;
const BLUE = rgb(0, 0, 0.569);
const GREY = rgb(0.23, 0.23, 0.23);

/** Latin letters that do not decompose into a base letter and an accent. */
const PLAIN_LETTERS: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', Ħ: 'H', ħ: 'h', Ŀ: 'L', ŀ: 'l', Ŧ: 'T', ŧ: 't' };

/** A name in another script cannot be drawn with the standard fonts: accents are dropped, the rest becomes « ? ». */
function encodable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  return [...text]
    .map((character) => {
      if (supported.has(character.codePointAt(0)!)) return character;
      const base = PLAIN_LETTERS[character] ?? character.normalize('NFD').replace(/\p{M}/gu, '');
      return [...base].every((c) => supported.has(c.codePointAt(0)!)) && base ? base : '?';
    })
    .join('');
}

function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** Writes top-down from `y`; returns the next baseline. */
function write(page: PDFPage, font: PDFFont, size: number, text: string, y: number, options: { x?: number; color?: typeof GREY } = {}) {
  const x = options.x ?? MARGIN;
  let baseline = y;
  for (const line of wrap(font, size, encodable(font, text), page.getWidth() - x - MARGIN)) {
    page.drawText(line, { x, y: baseline, size, font, color: options.color ?? rgb(0, 0, 0) });
    baseline -= size * 1.4;
  }
  return baseline;
}

/** The receipt PDF (pdf-lib, A4), made by the server at the deposit. */
export async function renderReceipt(data: ReceiptData): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(`Confirmation du dépôt d'une pré-demande n°${data.numero}`);
  pdf.setAuthor('Direction générale des étrangers en France');
  pdf.setLanguage('fr-FR');
  pdf.setCreationDate(data.depositedAt);
  pdf.setModificationDate(data.depositedAt);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595.28, 841.89]);

  let y = 790;
  y = write(page, bold, 10, "MINISTÈRE DE L'INTÉRIEUR ET DES OUTRE-MER", y);
  y = write(page, regular, 9, 'Liberté Égalité Fraternité', y, { color: GREY });
  y = write(page, bold, 10, 'Étrangers en France – Direction générale des étrangers en France', y - 6, { color: BLUE });

  y = write(page, bold, 15, RECEIPT_TITLE, y - 30, { color: BLUE });
  y = write(page, bold, 11, 'VOS RÉFÉRENCES :', y - 14);
  y = write(page, regular, 11, 'Identifiant (N° étranger) :', y - 2);
  y = write(page, regular, 11, `N° de la demande : ${data.numero}`, y);
  y = write(page, bold, 11, `DATE D'ÉMISSION : ${formatParisDate(data.depositedAt)}`, y - 6);

  y -= 14;
  const top = y + 16;
  for (const field of receiptFields(data)) y = write(page, regular, 11, `${field.label} : ${field.value}`, y - 2, { x: MARGIN + 12 });
  page.drawRectangle({
    x: MARGIN,
    y: y + 4,
    width: page.getWidth() - 2 * MARGIN,
    height: top - y - 4,
    borderColor: BLUE,
    borderWidth: 1,
  });

  y -= 20;
  for (const paragraph of receiptStatement(data.depositedAt)) y = write(page, regular, 11, paragraph, y) - 8;
  return pdf.save({ useObjectStreams: false });
}

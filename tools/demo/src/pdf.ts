/**
 * One-page A4 PDFs written by hand with the standard Helvetica fonts (nothing embedded): rendering
 * one costs microseconds, so the seed can give tens of thousands of applicants papers in their name.
 */

export type PdfDocument = {
  title: string;
  holder: string;
  lines: readonly string[];
  /** A grey photo frame, as on an identity document. */
  photo?: boolean;
  createdAt: Date;
};

// WinAnsiEncoding: Latin-1, plus these in 0x80–0x9F.
const WIN_ANSI_EXTRA: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  '„': 0x84,
  '…': 0x85,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};
const LOOKALIKES: Record<string, string> = { Đ: 'D', đ: 'd', ı: 'i', ł: 'l', Ł: 'L' };

function winAnsiCode(char: string): number | undefined {
  const code = char.charCodeAt(0);
  if (char.length === 1 && (code < 0x80 || (code >= 0xa0 && code <= 0xff))) return code;
  return WIN_ANSI_EXTRA[char];
}

/** A character the standard fonts lack loses accents one by one until it fits: « ễ » becomes « ê », « ş » becomes « s ». */
function encodable(char: string): string {
  if (winAnsiCode(char) !== undefined) return char;
  let marks = char.normalize('NFD');
  while (marks.length > 1) {
    marks = marks.slice(0, -1);
    const composed = marks.normalize('NFC');
    if (winAnsiCode(composed) !== undefined) return composed;
  }
  return LOOKALIKES[char] ?? (winAnsiCode(marks) !== undefined ? marks : '?');
}

const literals = new Map<string, string>();

/** A PDF literal string, as one byte per character; titles and lines repeat, so each is encoded once. */
function literal(text: string): string {
  let out = literals.get(text);
  if (out === undefined) {
    out = encodeLiteral(text);
    literals.set(text, out);
  }
  return out;
}

function encodeLiteral(text: string): string {
  let out = '(';
  for (const char of text.normalize('NFC')) {
    const fitted = encodable(char);
    if (fitted === '(' || fitted === ')' || fitted === '\\') out += `\\${fitted}`;
    else out += String.fromCharCode(winAnsiCode(fitted)!);
  }
  return `${out})`;
}

/** A text string of the document information dictionary, in UTF-16BE. */
function utf16(text: string): string {
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `${hex}>`;
}

const text = (font: 'F1' | 'F2', size: number, x: number, y: number, value: string, color = '0 0 0') =>
  `BT /${font} ${size} Tf ${color} rg ${x} ${y} Td ${literal(value)} Tj ET`;

// Grey lines standing for the body of the document.
const BODY = ['0.82 0.82 0.82 rg', ...Array.from({ length: 14 }, (_, i) => `52 ${540 - i * 18} ${180 + ((i * 97) % 300)} 6 re f`)].join(
  '\n',
);

function contentOf(doc: PdfDocument): string {
  const left = doc.photo ? 170 : 52;
  const ops = [
    '0.6 0.6 0.6 RG 1 w 30 30 535 782 re S',
    '0.93 0.94 0.98 rg 40 760 515 44 re f',
    text('F2', 17, 52, 776, doc.title, '0 0 0.57'),
  ];
  if (doc.photo) ops.push('0.8 0.82 0.86 rg 52 590 100 125 re f', '0.6 0.62 0.68 rg 82 660 40 40 re f 70 590 64 62 re f');
  ops.push(text('F1', 12, left, 720, `Titulaire : ${doc.holder}`));
  for (const [i, line] of doc.lines.entries()) ops.push(text('F1', 11, left, 694 - i * 20, line));
  ops.push(BODY);
  ops.push(text('F2', 10, 52, 200, 'DOCUMENT DE DÉMONSTRATION', '0.75 0.2 0.2'));
  ops.push(text('F1', 9, 52, 60, 'Document de démonstration – sans valeur', '0.5 0.5 0.5'));
  return ops.join('\n');
}

/** The PDF's bytes; the same document always gives the same bytes (and SHA-256). */
export function renderPdf(doc: PdfDocument): Uint8Array {
  const content = contentOf(doc);
  const stamp = doc.createdAt.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Title ${utf16(doc.title)} /Producer (etranger-malade demo) /CreationDate (D:${stamp}Z) >>`,
  ];
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

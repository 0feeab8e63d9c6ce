import { describe, expect, it } from 'vitest';
import { renderPdf } from './pdf.js';

const render = (holder: string) =>
  Buffer.from(renderPdf({ title: 'Passeport – pages d’identité', holder, lines: ['Nationalité : Vietnamienne'], createdAt: new Date(0) }));

describe('renderPdf', () => {
  it('writes a cross-reference table whose offsets point at each object', () => {
    const pdf = render('Thị Hồng NGUYỄN').toString('latin1');
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)![1]);
    expect(pdf.slice(startxref, startxref + 5)).toBe('xref\n');
    const entries = pdf.slice(startxref).split('\n').slice(3, 10);
    entries.forEach((entry, i) => {
      const offset = Number(entry.slice(0, 10));
      expect(pdf.slice(offset, offset + 10), `object ${i + 1}`).toBe(`${i + 1} 0 obj\n<<`);
    });
    const stream = /<< \/Length (\d+) >>\nstream\n/.exec(pdf)!;
    const start = stream.index + stream[0].length;
    expect(pdf.slice(start + Number(stream[1]), start + Number(stream[1]) + 11)).toBe('\nendstream\n');
  });

  it('keeps Latin-1 names as they are and drops only the accents the standard fonts lack', () => {
    expect(render('María Guadalupe RODRÍGUEZ HERNÁNDEZ').toString('latin1')).toContain('(Titulaire : María Guadalupe RODRÍGUEZ HERNÁNDEZ)');
    expect(render('Thị Hồng NGUYỄN').toString('latin1')).toContain('(Titulaire : Thi Hông NGUYÊN)');
    expect(render('Ayşe YILDIZ (épouse KAYA)').toString('latin1')).toContain('(Titulaire : Ayse YILDIZ \\(épouse KAYA\\))');
    // The typographic apostrophe and dash have WinAnsi codes of their own.
    expect(render('X').includes(Buffer.from([0x96]))).toBe(true);
  });

  it('gives the same bytes for the same document', () => {
    expect(render('Awa NDIAYE').equals(render('Awa NDIAYE'))).toBe(true);
    expect(render('Awa NDIAYE').equals(render('Awa DIOP'))).toBe(false);
  });
});

import { winAnsi, wrap, writePdf } from './pdf-writer';

describe('writePdf', () => {
  const sut = writePdf;
  const doc = {
    title: 'Styregruppens forretningsorden',
    sections: [
      {
        heading: 'Møder (og beslutninger)',
        paragraphs: [
          'Styregruppen mødes 1–2 gange i hver fase. Dagsordenen sendes ud en uge før – så alle kan nå at forberede sig på Æblevej, i Ørslev og på Åbakken.',
          '• Et punkt med en backslash \\ og parenteser ( )',
        ],
      },
    ],
  };

  it('writes a PDF whose cross-reference table points at every object', () => {
    const pdf = sut(doc);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toBe('%%EOF\n');
    const text = pdf.toString('latin1');
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) =>
      Number(m[1]),
    );
    expect(offsets.length).toBeGreaterThanOrEqual(7);
    offsets.forEach((offset, i) => {
      expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
    const [, length, stream] = /\/Length (\d+) >>\nstream\n([\s\S]*?)\nendstream/.exec(text) ?? [];
    expect(Buffer.byteLength(stream ?? '', 'latin1')).toBe(Number(length));
  });

  it('writes Danish letters as WinAnsi bytes under a WinAnsi font, and escapes ( ) \\', () => {
    const text = sut(doc).toString('latin1');
    expect(text).toContain('/Encoding /WinAnsiEncoding');
    // M\xf8der = "Møder" in cp1252; – is 0x96.
    expect(text).toContain('(M\xf8der \\(og beslutninger\\)) Tj');
    expect(text).toContain('1\x962 gange');
    expect(text).toContain('\xc6blevej');
    expect(text).toContain('\xd8rslev');
    expect(text).toContain('\xc5bakken');
    expect(text).toContain('backslash \\\\ og parenteser \\( \\)');
  });

  it('turns a long text into several pages', () => {
    const long = { title: 'Lang', sections: [{ paragraphs: Array(80).fill('Ord '.repeat(40)) }] };
    const text = sut(long).toString('latin1');
    const count = Number(/\/Count (\d+)/.exec(text)?.[1]);
    expect(count).toBeGreaterThan(1);
    expect(text.match(/\/Type \/Page /g)).toHaveLength(count);
  });
});

describe('winAnsi', () => {
  it('maps æøå to their cp1252 bytes and unknown characters to ?', () => {
    expect([...winAnsi('æøåÆØÅ€»')]).toEqual([0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5, 0x80, 0xbb]);
    expect(winAnsi('✓').toString('latin1')).toBe('?');
  });
});

describe('wrap', () => {
  it('breaks at spaces within the width', () => {
    expect(wrap('en to tre fire fem', 7)).toEqual(['en to', 'tre', 'fire', 'fem']);
  });
});

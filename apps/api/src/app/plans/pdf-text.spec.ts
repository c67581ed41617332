import { deflateSync } from 'node:zlib';
import { pdfText } from './pdf-text';

/** A PDF-shaped buffer with one compressed stream showing `text` (WinAnsi bytes in hex). */
function pdfWith(text: string): { pdf: Buffer; compressed: Buffer } {
  const hex = Buffer.from(text, 'latin1').toString('hex');
  const compressed = deflateSync(Buffer.from(`BT\n[<${hex}>] TJ\nET`, 'latin1'));
  const head = `%PDF-1.3\n5 0 obj\n<<\n/Length ${compressed.length}\n/Filter /FlateDecode\n>>\nstream\n`;
  const pdf = Buffer.concat([
    Buffer.from(head, 'latin1'),
    compressed,
    Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1'),
  ]);
  return { pdf, compressed };
}

describe(pdfText.name, () => {
  it('reads a stream whose compressed bytes end in a carriage return', () => {
    // The last byte is the checksum's: some name with a few more letters makes it a \r.
    let found: { text: string; pdf: Buffer } | null = null;
    for (let letter = 0x61; letter <= 0x7a && !found; letter++) {
      for (let count = 1; count <= 40 && !found; count++) {
        const text = `Glumsø og Omegn ${String.fromCharCode(letter).repeat(count)}`;
        const { pdf, compressed } = pdfWith(text);
        if (compressed[compressed.length - 1] === 0x0d) found = { text, pdf };
      }
    }
    expect(found).not.toBeNull();
    expect(pdfText(found?.pdf ?? Buffer.alloc(0))).toBe(found?.text);
  });

  it('reads the text of an ordinary stream', () => {
    expect(pdfText(pdfWith('Samkørsel og bus.').pdf)).toBe('Samkørsel og bus.');
  });
});

import { inflateSync } from 'node:zlib';

/** cp1252's letters above 0x7f that differ from Latin-1, as pdfkit's standard fonts write them. */
const CP1252: Record<number, string> = {
  0x80: '€',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x85: '…',
};

/**
 * The text a PDF written by pdfkit with its standard fonts shows, line by line: every page
 * stream inflated, each `TJ` array's hex strings decoded from WinAnsi. Enough to check that a
 * PDF holds the words it should (tests); not a general PDF reader.
 *
 * A stream is read by its dictionary's `/Length`, not up to `endstream`: compressed bytes may end
 * in a carriage return, which a search for the line break before `endstream` would take away.
 */
export function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  const source = pdf.toString('latin1');
  for (const stream of source.matchAll(/\/Length (\d+)[^>]*>>\s*stream\r?\n/g)) {
    const start = (stream.index ?? 0) + stream[0].length;
    let content: string;
    try {
      const data = Buffer.from(source.slice(start, start + Number(stream[1])), 'latin1');
      content = inflateSync(data).toString('latin1');
    } catch {
      continue;
    }
    for (const array of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...array[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('');
      const bytes = Buffer.from(hex, 'hex');
      lines.push([...bytes].map((b) => CP1252[b] ?? String.fromCharCode(b)).join(''));
    }
  }
  return lines.join('\n');
}

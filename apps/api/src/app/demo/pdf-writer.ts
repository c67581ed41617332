/**
 * A very small PDF writer for the demo's templates: A4 pages of Helvetica text (headings and
 * wrapped paragraphs) in WinAnsiEncoding, so Danish letters (æ, ø, å) show as they should.
 * Enough for a real, readable file; not a layout engine.
 */

export interface PdfSection {
  heading?: string;
  /** Paragraphs; a paragraph starting with "• " is set as a bullet. */
  paragraphs: string[];
}

export interface PdfDocument {
  title: string;
  sections: PdfSection[];
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 56;
const BODY_SIZE = 11;
const LEADING = 15;
/** Helvetica averages about half an em per character: a safe wrap width for body text. */
const BODY_CHARS_PER_LINE = Math.floor((PAGE_WIDTH - 2 * MARGIN) / (BODY_SIZE * 0.5));

/** WinAnsi (cp1252) codes of the characters outside Latin-1 that Danish text tends to use. */
const WIN_ANSI_EXTRA: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  '„': 0x84,
  '…': 0x85,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
};

/** The WinAnsi bytes of a text; characters WinAnsi lacks become "?". */
export function winAnsi(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0x3f;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else bytes.push(WIN_ANSI_EXTRA[ch] ?? 0x3f);
  }
  return Buffer.from(bytes);
}

/** A PDF literal string of WinAnsi bytes, with (, ) and \ escaped. */
function pdfString(text: string): Buffer {
  const escaped: number[] = [0x28];
  for (const b of winAnsi(text)) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) escaped.push(0x5c);
    escaped.push(b);
  }
  escaped.push(0x29);
  return Buffer.from(escaped);
}

/** Breaks a paragraph into lines of at most `width` characters, at spaces. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

interface Line {
  text: string;
  font: 'F1' | 'F2';
  size: number;
  indent: number;
  /** Space above the line, in points. */
  before: number;
}

function layout(doc: PdfDocument): Line[] {
  const lines: Line[] = [{ text: doc.title, font: 'F2', size: 18, indent: 0, before: 0 }];
  for (const section of doc.sections) {
    if (section.heading) {
      lines.push({ text: section.heading, font: 'F2', size: 13, indent: 0, before: 14 });
    }
    for (const paragraph of section.paragraphs) {
      const bullet = paragraph.startsWith('• ');
      const body = bullet ? paragraph.slice(2) : paragraph;
      const wrapped = wrap(body, BODY_CHARS_PER_LINE - (bullet ? 4 : 0));
      wrapped.forEach((text, i) =>
        lines.push({
          text: bullet && i === 0 ? `•  ${text}` : text,
          font: 'F1',
          size: BODY_SIZE,
          indent: bullet ? (i === 0 ? 8 : 18) : 0,
          before: i === 0 ? (bullet ? 2 : 6) : 0,
        }),
      );
    }
  }
  return lines;
}

/** The content streams of the pages: lines placed top to bottom, a new page when one is full. */
function pages(lines: Line[]): Buffer[] {
  const result: Buffer[][] = [];
  let page: Buffer[] = [];
  let y = PAGE_HEIGHT - MARGIN;
  for (const line of lines) {
    const step = line.before + Math.max(LEADING, line.size * 1.3);
    if (y - step < MARGIN && page.length) {
      result.push(page);
      page = [];
      y = PAGE_HEIGHT - MARGIN;
    }
    y -= page.length ? step : line.size;
    page.push(
      Buffer.from(`BT /${line.font} ${line.size} Tf ${MARGIN + line.indent} ${y.toFixed(1)} Td `),
      pdfString(line.text),
      Buffer.from(' Tj ET\n'),
    );
  }
  result.push(page);
  return result.map((p) => Buffer.concat(p));
}

/** The document as the bytes of a PDF 1.4 file. */
export function writePdf(doc: PdfDocument): Buffer {
  const streams = pages(layout(doc));
  // Objects: 1 catalog, 2 page tree, 3 regular font, 4 bold font, 5 info, then page + content pairs.
  const objects: Buffer[] = [];
  const kids = streams.map((_, i) => `${6 + 2 * i} 0 R`).join(' ');
  const font = (name: string) =>
    `<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`;
  objects.push(Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'));
  objects.push(Buffer.from(`<< /Type /Pages /Kids [${kids}] /Count ${streams.length} >>`));
  objects.push(Buffer.from(font('Helvetica')));
  objects.push(Buffer.from(font('Helvetica-Bold')));
  objects.push(
    Buffer.concat([
      Buffer.from('<< /Title '),
      pdfString(doc.title),
      Buffer.from(' /Producer (BLUP Akademiet) >>'),
    ]),
  );
  streams.forEach((content, i) => {
    objects.push(
      Buffer.from(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
          `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${7 + 2 * i} 0 R >>`,
      ),
    );
    objects.push(
      Buffer.concat([
        Buffer.from(`<< /Length ${content.length} >>\nstream\n`),
        content,
        Buffer.from('\nendstream'),
      ]),
    );
  });

  // The binary comment line tells readers the file holds 8-bit bytes.
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    length += obj.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\n` +
    `startxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}

import { strToU8, zipSync } from 'fflate';

/**
 * A very small Office Open XML writer for the demo library: a Word document of headings and
 * paragraphs, and an Excel workbook of one sheet of text cells. Only the parts Word and Excel need
 * ([Content_Types].xml, the package relationships, the main part and its own relationships), zipped
 * with fflate. Enough for a real file that opens; not a layout engine.
 */

export interface DocxSection {
  heading?: string;
  /** Paragraphs; one starting with "• " is set as a bullet line. */
  paragraphs: string[];
}

export interface DocxDocument {
  title: string;
  sections: DocxSection[];
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_DOCUMENT_REL =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function contentTypes(overrides: Record<string, string>): string {
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    Object.entries(overrides)
      .map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`)
      .join('') +
    '</Types>'
  );
}

function relationships(rels: { id: string; type: string; target: string }[]): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${PACKAGE_RELS_NS}">` +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join('') +
    '</Relationships>'
  );
}

function zip(parts: Record<string, string>): Buffer {
  const files = Object.fromEntries(
    Object.entries(parts).map(([name, text]) => [name, strToU8(text)]),
  );
  // A fixed time, so the same content gives the same bytes.
  return Buffer.from(zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') }));
}

function run(text: string, opts: { bold?: boolean; size?: number } = {}): string {
  const props = (opts.bold ? '<w:b/>' : '') + (opts.size ? `<w:sz w:val="${opts.size}"/>` : '');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

function paragraph(
  text: string,
  opts: { bold?: boolean; size?: number; indent?: boolean } = {},
): string {
  const spacing = '<w:spacing w:after="120"/>';
  const indent = opts.indent ? '<w:ind w:left="360" w:hanging="360"/>' : '';
  return `<w:p><w:pPr>${spacing}${indent}</w:pPr>${run(text, opts)}</w:p>`;
}

/** A Word document (.docx): the title large, each section's heading bold, then its paragraphs. */
export function writeDocx(doc: DocxDocument): Buffer {
  const body = [
    paragraph(doc.title, { bold: true, size: 36 }),
    ...doc.sections.flatMap((s) => [
      ...(s.heading ? [paragraph(s.heading, { bold: true, size: 28 })] : []),
      ...s.paragraphs.map((p) => paragraph(p, { indent: p.startsWith('• ') })),
    ]),
  ].join('');
  const document =
    XML_HEAD +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>` +
    '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="708" w:footer="708" w:gutter="0"/>' +
    '</w:sectPr></w:body></w:document>';
  return zip({
    '[Content_Types].xml': contentTypes({
      'word/document.xml':
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    }),
    '_rels/.rels': relationships([
      { id: 'rId1', type: OFFICE_DOCUMENT_REL, target: 'word/document.xml' },
    ]),
    'word/document.xml': document,
  });
}

/** A column letter: 0 → A, 25 → Z, 26 → AA. */
function column(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** An Excel workbook (.xlsx) of one sheet; every cell is text (an inline string). */
export function writeXlsx(sheetName: string, rows: readonly (readonly string[])[]): Buffer {
  const sheetRows = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">` +
        cells
          .map(
            (text, c) =>
              `<c r="${column(c)}${r + 1}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`,
          )
          .join('') +
        '</row>',
    )
    .join('');
  const widths = rows[0]?.length
    ? `<cols><col min="1" max="1" width="18" customWidth="1"/><col min="2" max="${rows[0].length}" width="32" customWidth="1"/></cols>`
    : '';
  const sheet =
    XML_HEAD +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `${widths}<sheetData>${sheetRows}</sheetData></worksheet>`;
  const workbook =
    XML_HEAD +
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheets><sheet name="${escapeXml(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  return zip({
    '[Content_Types].xml': contentTypes({
      'xl/workbook.xml':
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      'xl/worksheets/sheet1.xml':
        'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
    }),
    '_rels/.rels': relationships([
      { id: 'rId1', type: OFFICE_DOCUMENT_REL, target: 'xl/workbook.xml' },
    ]),
    'xl/workbook.xml': workbook,
    'xl/_rels/workbook.xml.rels': relationships([
      {
        id: 'rId1',
        type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
        target: 'worksheets/sheet1.xml',
      },
    ]),
    'xl/worksheets/sheet1.xml': sheet,
  });
}

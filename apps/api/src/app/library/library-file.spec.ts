import { strToU8, zipSync } from 'fflate';
import { writeDocx, writeXlsx } from '../demo/ooxml-writer';
import { writePdf } from '../demo/pdf-writer';
import { detectLibraryFile } from './library-file';

const TYPES = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`;
const PPTX_MAIN =
  'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml';

function pptx(): Buffer {
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        `${TYPES}<Override PartName="/ppt/presentation.xml" ContentType="${PPTX_MAIN}"/></Types>`,
      ),
      '_rels/.rels': strToU8('<Relationships/>'),
      'ppt/presentation.xml': strToU8('<p:presentation/>'),
    }),
  );
}

describe(detectLibraryFile.name, () => {
  const docx = writeDocx({ title: 'Forretningsorden', sections: [{ paragraphs: ['§ 1'] }] });
  const xlsx = writeXlsx('Årshjul', [['Måned', 'Aktivitet']]);
  const pdf = writePdf({ title: 'Guide', sections: [{ paragraphs: ['Tekst'] }] });

  it.each([
    ['Forretningsorden.docx', docx, '.docx'],
    ['ÅRSHJUL.XLSX', xlsx, '.xlsx'],
    ['guide.pdf', pdf, '.pdf'],
    ['rapport.pptx', pptx(), '.pptx'],
  ])('takes %s by its content', (name, content, extension) => {
    expect(detectLibraryFile(name, content)?.extension).toBe(extension);
  });

  it.each([
    ['a program renamed .docx', 'virus.docx', Buffer.from('MZ\x90\x00\x03\x00\x00\x00 program')],
    ['a zip that is not Office', 'fotos.docx', Buffer.from(zipSync({ 'a.txt': strToU8('hej') }))],
    ['a Word file named .xlsx', 'regneark.xlsx', docx],
    ['an Excel file named .pptx', 'slides.pptx', xlsx],
    ['text named .pdf', 'notat.pdf', Buffer.from('Dette er ikke en PDF')],
    ['a PDF named .docx', 'guide.docx', pdf],
    ['an unknown extension', 'guide.exe', pdf],
    ['no extension', 'guide', pdf],
    ['a broken zip', 'x.docx', Buffer.from('PK\x03\x04broken')],
    ['an empty file', 'tom.pdf', Buffer.alloc(0)],
  ])('refuses %s', (_what, name, content) => {
    expect(detectLibraryFile(name, content)).toBeNull();
  });

  it('refuses a zip whose content types name the main part but lacks it', () => {
    const zip = zipSync({
      '[Content_Types].xml': strToU8(
        `${TYPES}<Override PartName="/ppt/presentation.xml" ContentType="${PPTX_MAIN}"/></Types>`,
      ),
    });
    expect(detectLibraryFile('x.pptx', zip)).toBeNull();
  });

  it('refuses a zip bomb whose header understates the content types’ size, without inflating it', () => {
    // 16 MB of spaces after a valid [Content_Types].xml deflate to ~16 kB; the headers then
    // claim 1000 bytes, so a size check on the header alone lets it through.
    const types = new Uint8Array(16 * 1024 * 1024).fill(32);
    types.set(
      strToU8(`${TYPES}<Override PartName="/ppt/presentation.xml" ContentType="${PPTX_MAIN}"/>`),
    );
    const zip = Buffer.from(
      zipSync({ '[Content_Types].xml': types, 'ppt/presentation.xml': strToU8('<p/>') }),
    );
    zip.writeUInt32LE(1000, 22); // the local header's uncompressed size
    zip.writeUInt32LE(1000, zip.indexOf(Buffer.from('PK\x01\x02', 'latin1')) + 24); // the central one
    expect(detectLibraryFile('bomb.pptx', zip)).toBeNull();
  });
});

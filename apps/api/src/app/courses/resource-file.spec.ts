import { officeFile, storedZip } from '../../../test/stored-zip';
import { detectResourceType } from './resource-file';

describe(detectResourceType.name, () => {
  const sut = detectResourceType;

  it('accepts a PDF, a DOCX and an XLSX whose bytes match the extension', async () => {
    expect((await sut('Manual.PDF', Buffer.from('%PDF-1.7 ...')))?.mimeType).toBe(
      'application/pdf',
    );
    expect((await sut('a.docx', officeFile('docx')))?.extension).toBe('.docx');
    expect((await sut('a.xlsx', officeFile('xlsx')))?.extension).toBe('.xlsx');
  });

  it('refuses other extensions and bytes that do not match', async () => {
    expect(await sut('a.exe', Buffer.from('%PDF-'))).toBeNull();
    expect(await sut('a.pdf', Buffer.from('<html>'))).toBeNull();
    expect(await sut('a.docx', officeFile('xlsx'))).toBeNull();
    expect(await sut('a.docx', storedZip({ 'notes.txt': 'not a document' }))).toBeNull();
    expect(await sut('a.xlsx', Buffer.from('%PDF-'))).toBeNull();
    expect(await sut('pdf', Buffer.from('%PDF-'))).toBeNull();
  });
});

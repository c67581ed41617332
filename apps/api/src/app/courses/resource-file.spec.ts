import { officeFile, storedZip } from '../../../test/stored-zip';
import { attachmentHeader, detectResourceType, displayFileName } from './resource-file';

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

describe(displayFileName.name, () => {
  it('keeps only the last path segment, without control characters', () => {
    expect(displayFileName('../../etc/pass\u0000wd.pdf', 'x.pdf')).toBe('passwd.pdf');
    expect(displayFileName('C:\\Users\\a\\Årshjul.xlsx', 'x')).toBe('Årshjul.xlsx');
    expect(displayFileName('', 'resource.pdf')).toBe('resource.pdf');
  });
});

describe(attachmentHeader.name, () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentHeader('Årshjul "ny".pdf')).toBe(
      `attachment; filename="_rshjul _ny_.pdf"; filename*=UTF-8''%C3%85rshjul%20%22ny%22.pdf`,
    );
  });
});

import { attachmentHeader, detectResourceType, displayFileName } from './resource-file';

const zip = (part: string): Buffer =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(`....${part}document.xml`)]);

describe(detectResourceType.name, () => {
  const sut = detectResourceType;

  it('accepts a PDF, a DOCX and an XLSX whose bytes match the extension', () => {
    expect(sut('Manual.PDF', Buffer.from('%PDF-1.7 ...'))?.mimeType).toBe('application/pdf');
    expect(sut('a.docx', zip('word/'))?.extension).toBe('.docx');
    expect(sut('a.xlsx', zip('xl/'))?.extension).toBe('.xlsx');
  });

  it('refuses other extensions and bytes that do not match', () => {
    expect(sut('a.exe', Buffer.from('%PDF-'))).toBeNull();
    expect(sut('a.pdf', Buffer.from('<html>'))).toBeNull();
    expect(sut('a.docx', zip('xl/'))).toBeNull();
    expect(sut('a.xlsx', Buffer.from('%PDF-'))).toBeNull();
    expect(sut('pdf', Buffer.from('%PDF-'))).toBeNull();
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

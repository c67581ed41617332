import { attachmentHeader, displayFileName } from './file-download';

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

import { detectAgreementType } from './agreement-file';

describe(detectAgreementType.name, () => {
  it('knows a PDF by its name and first bytes', () => {
    expect(detectAgreementType('Aftale.PDF', Buffer.from('%PDF-1.7 …'))).toEqual({
      extension: '.pdf',
      mimeType: 'application/pdf',
    });
  });

  it('knows PNG and JPEG images', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    expect(detectAgreementType('scan.png', png)?.mimeType).toBe('image/png');
    expect(detectAgreementType('scan.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.mimeType).toBe(
      'image/jpeg',
    );
  });

  it('refuses a file whose content does not match its name', () => {
    expect(detectAgreementType('aftale.pdf', Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(detectAgreementType('aftale.exe', Buffer.from('%PDF-1.7'))).toBeNull();
    expect(detectAgreementType('aftale.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
  });
});

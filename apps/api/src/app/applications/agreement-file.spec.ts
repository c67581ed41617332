import { officeFile } from '../../../test/stored-zip';
import { detectAgreementType } from './agreement-file';

describe(detectAgreementType.name, () => {
  it('knows a PDF by its name and first bytes', async () => {
    expect(await detectAgreementType('Aftale.PDF', Buffer.from('%PDF-1.7 …'))).toEqual({
      extension: '.pdf',
      mimeType: 'application/pdf',
    });
  });

  it('knows PNG and JPEG images, and Word documents', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect((await detectAgreementType('scan.png', png))?.mimeType).toBe('image/png');
    const jpg = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
    expect((await detectAgreementType('scan.jpg', jpg))?.mimeType).toBe('image/jpeg');
    const doc = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
    expect((await detectAgreementType('aftale.doc', doc))?.mimeType).toBe('application/msword');
    expect((await detectAgreementType('aftale.docx', officeFile('docx')))?.extension).toBe('.docx');
  });

  it('refuses a file whose content does not match its name', async () => {
    expect(await detectAgreementType('aftale.pdf', Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(await detectAgreementType('aftale.exe', Buffer.from('%PDF-1.7'))).toBeNull();
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
    expect(await detectAgreementType('aftale.docx', zip)).toBeNull();
  });
});

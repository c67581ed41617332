import { officeFile, storedZip } from '../../../test/stored-zip';
import { fileKind, fileKindAmong } from './file-kind';

describe(fileKind.name, () => {
  const sut = fileKind;

  it('knows documents, images and videos by their bytes', async () => {
    expect((await sut(Buffer.from('%PDF-1.7\n...')))?.ext).toBe('pdf');
    expect((await sut(officeFile('docx')))?.ext).toBe('docx');
    expect((await sut(officeFile('xlsx')))?.ext).toBe('xlsx');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect((await sut(png))?.ext).toBe('png');
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom', 'latin1')]);
    expect(await sut(mp4)).toEqual({ ext: 'mp4', mime: 'video/mp4' });
  });

  it('knows a program, and nothing of text or of too few bytes', async () => {
    expect((await sut(Buffer.from('MZ\x90\x00')))?.ext).toBe('exe');
    expect(await sut(Buffer.from('<html></html>'))).toBeNull();
    expect(await sut(Buffer.alloc(3))).toBeNull();
  });
});

describe(fileKindAmong.name, () => {
  it('gives the kind only when it is one of those asked for', async () => {
    const pdf = Buffer.from('%PDF-1.7\n...');
    expect(await fileKindAmong(pdf, ['pdf'])).toEqual({ ext: 'pdf', mime: 'application/pdf' });
    expect(await fileKindAmong(pdf, ['docx', 'xlsx'])).toBeNull();
    expect(await fileKindAmong(storedZip({ 'a.txt': 'a' }), ['docx'])).toBeNull();
  });
});

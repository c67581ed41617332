import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { probeMp4Duration, sniffVideo } from './media-sniff';

const box = (type: string, brand = 'isom'): Buffer =>
  Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from(type + brand, 'latin1')]);

describe('sniffVideo', () => {
  it('knows MP4, QuickTime and WebM by their first bytes', () => {
    expect(sniffVideo(box('ftyp'))).toBe('mp4');
    expect(sniffVideo(box('ftyp', 'qt  '))).toBe('quicktime');
    expect(sniffVideo(box('moov'))).toBe('quicktime');
    expect(sniffVideo(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81]))).toBe('webm');
  });

  it('refuses anything else', () => {
    expect(sniffVideo(Buffer.from('%PDF-1.7 not a video'))).toBeNull();
    expect(sniffVideo(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]))).toBeNull();
    expect(sniffVideo(Buffer.alloc(3))).toBeNull();
  });
});

describe('probeMp4Duration', () => {
  it('reads the duration from the movie header of the demo video', async () => {
    const file = await open(join(__dirname, '../../assets/demo/blup-akademiet-demo.mp4'), 'r');
    try {
      const duration = await probeMp4Duration(file, (await file.stat()).size);
      expect(duration).toBeCloseTo(8, 1);
    } finally {
      await file.close();
    }
  });
});

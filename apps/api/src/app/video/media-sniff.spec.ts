import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { probeMp4Duration, sniffVideo } from './media-sniff';

const box = (type: string, brand = 'isom'): Buffer =>
  Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from(type + brand, 'latin1')]);

describe('sniffVideo', () => {
  it('knows MP4, QuickTime and WebM by their first bytes', async () => {
    expect(await sniffVideo(box('ftyp'))).toBe('mp4');
    expect(await sniffVideo(box('ftyp', 'qt  '))).toBe('quicktime');
    expect(await sniffVideo(box('moov'))).toBe('quicktime');
    // An EBML header whose DocType is "webm".
    const webm = Buffer.from('1a45dfa3934282847765626d42878102428581021a', 'hex');
    expect(await sniffVideo(webm)).toBe('webm');
  });

  it('refuses anything else', async () => {
    expect(await sniffVideo(Buffer.from('%PDF-1.7 not a video'))).toBeNull();
    expect(await sniffVideo(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]))).toBeNull();
    expect(await sniffVideo(box('ftyp', 'M4A '))).toBeNull();
    expect(await sniffVideo(Buffer.alloc(3))).toBeNull();
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

import { isWebVtt } from './video.service';

describe('isWebVtt', () => {
  it('knows WebVTT by its first line', () => {
    expect(isWebVtt(Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nHej'))).toBe(true);
    expect(isWebVtt(Buffer.from('\uFEFFWEBVTT - Dansk\r\n'))).toBe(true);
    expect(isWebVtt(Buffer.from('WEBVTT'))).toBe(true);
  });

  it('refuses SRT and anything else', () => {
    expect(isWebVtt(Buffer.from('1\n00:00:00,000 --> 00:00:01,000\nHej'))).toBe(false);
    expect(isWebVtt(Buffer.from('WEBVTTX'))).toBe(false);
    expect(isWebVtt(Buffer.from(''))).toBe(false);
  });
});

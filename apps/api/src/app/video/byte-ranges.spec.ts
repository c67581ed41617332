import { parseContentRange, parseRange } from './byte-ranges';

describe('parseContentRange', () => {
  it.each([
    ['bytes 0-99/1000', { start: 0, end: 99, total: 1000 }],
    ['bytes 900-999/1000', { start: 900, end: 999, total: 1000 }],
  ])('reads %s', (header, expected) => {
    expect(parseContentRange(header)).toEqual(expected);
  });

  it.each([undefined, '', 'bytes 0-99/*', 'bytes 100-99/1000', 'bytes 0-1000/1000', 'items 0-1/2'])(
    'refuses %p',
    (header) => {
      expect(parseContentRange(header)).toBeNull();
    },
  );
});

describe('parseRange', () => {
  it('serves the whole file without a Range header', () => {
    expect(parseRange(undefined, 1000)).toBeNull();
  });

  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=100-', { start: 100, end: 999 }],
    ['bytes=-10', { start: 990, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    ['bytes=990-5000', { start: 990, end: 999 }],
  ])('reads %s', (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });

  it.each(['bytes=1000-', 'bytes=500-100', 'bytes=-0', 'bytes=-', 'bytes=0-1,5-6', 'items=0-1'])(
    'answers %s with 416',
    (header) => {
      expect(parseRange(header, 1000)).toBe('unsatisfiable');
    },
  );
});

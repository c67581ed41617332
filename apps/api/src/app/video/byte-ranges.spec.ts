import { parseContentRange } from './byte-ranges';

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

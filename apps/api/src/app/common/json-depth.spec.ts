import { jsonTooDeep } from './json-depth';

describe(jsonTooDeep.name, () => {
  it('counts objects and arrays, not brackets inside strings', () => {
    expect(jsonTooDeep('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(jsonTooDeep('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(jsonTooDeep('{"a":"[[[[{{{{ \\" [[[["}', 1)).toBe(false);
  });

  it('stops at the first level too deep', () => {
    expect(jsonTooDeep('['.repeat(65), 64)).toBe(true);
    expect(jsonTooDeep('['.repeat(64) + ']'.repeat(64), 64)).toBe(false);
  });
});

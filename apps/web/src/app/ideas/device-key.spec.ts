import { deviceKey } from './device-key';

describe(deviceKey.name, () => {
  function memoryStorage(): Storage {
    const data = new Map<string, string>();
    return {
      getItem: (key: string) => data.get(key) ?? null,
      setItem: (key: string, value: string) => void data.set(key, value),
      removeItem: (key: string) => void data.delete(key),
      clear: () => data.clear(),
      key: () => null,
      get length() {
        return data.size;
      },
    };
  }

  it('makes a url-safe random key once and keeps it', () => {
    const sut = memoryStorage();
    const first = deviceKey(sut);
    expect(first).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(deviceKey(sut)).toBe(first);
    expect(deviceKey(memoryStorage())).not.toBe(first);
  });

  it('replaces a kept value that is not a key', () => {
    const sut = memoryStorage();
    sut.setItem('blup.ideaDevice', 'not a key!');
    expect(deviceKey(sut)).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('still gives a key without storage (private browsing)', () => {
    expect(deviceKey(null)).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});

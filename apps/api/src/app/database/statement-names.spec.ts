describe('statementName', () => {
  // A fresh module per test: the names live in the module's own map.
  const load = (): typeof import('./statement-names') => {
    let mod: typeof import('./statement-names') | undefined;
    jest.isolateModules(() => {
      mod = jest.requireActual('./statement-names');
    });
    return mod as typeof import('./statement-names');
  };

  it('gives one text one name, and different texts different names', () => {
    const { statementName } = load();
    const a = statementName('SELECT $1::int');
    expect(a).toMatch(/^blup_[0-9a-f]{24}$/);
    expect(statementName('SELECT $1::int')).toBe(a);
    expect(statementName('SELECT $1::text')).not.toBe(a);
  });

  it('gives the same text the same name in another process (a hash, not a counter)', () => {
    expect(load().statementName('SELECT $1::int')).toBe(load().statementName('SELECT $1::int'));
  });

  it('names at most MAX_NAMED_TEXTS texts, then leaves new ones unnamed and keeps the old', () => {
    const { statementName, MAX_NAMED_TEXTS } = load();
    const first = statementName('SELECT 0 WHERE $1');
    for (let i = 1; i < MAX_NAMED_TEXTS; i++) statementName(`SELECT ${i} WHERE $1`);
    expect(statementName('SELECT -1 WHERE $1')).toBeNull();
    expect(statementName('SELECT 0 WHERE $1')).toBe(first);
  });
});

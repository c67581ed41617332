import { ConfigError, loadConfig } from './app-config';

const base = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/blup',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SMTP_URL: 'smtp://127.0.0.1:2525',
};

describe(loadConfig.name, () => {
  it('applies the documented defaults', () => {
    const sut = loadConfig(base);
    expect(sut.port).toBe(3000);
    expect(sut.publicUrl).toBe('http://localhost:3000');
    expect(sut.secureCookies).toBe(false);
    expect(sut.redisPrefix).toBe('blup');
  });

  it('turns secure cookies on in production', () => {
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).secureCookies).toBe(true);
  });

  it.each([
    [{ DATABASE_URL: undefined }, 'DATABASE_URL is not set'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres://'],
    [{ PORT: 'eighty' }, 'PORT must be a whole number'],
    [{ SECURE_COOKIES: 'maybe' }, 'SECURE_COOKIES must be true or false'],
    [{ REDIS_PREFIX: 'a b' }, 'REDIS_PREFIX may hold only'],
  ])('names the variable that is wrong (%o)', (override, message) => {
    expect(() => loadConfig({ ...base, ...override })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...override })).toThrow(message);
  });
});

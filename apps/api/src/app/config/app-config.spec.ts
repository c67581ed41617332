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
    const production = { ...base, NODE_ENV: 'production', SIGNING_SECRET: 'x'.repeat(32) };
    expect(loadConfig(production).secureCookies).toBe(true);
  });

  it('plays video from local files until Mux keys are set', () => {
    expect(loadConfig(base).video.provider).toBe('local');
    const mux = loadConfig({
      ...base,
      MUX_TOKEN_ID: 'id',
      MUX_TOKEN_SECRET: 'secret',
      MUX_WEBHOOK_SECRET: 'whsec',
      MUX_SIGNING_KEY_ID: 'key',
      MUX_SIGNING_KEY_PRIVATE: 'pem',
    });
    expect(mux.video.provider).toBe('mux');
    expect(mux.video.mux?.baseUrl).toBeNull();
  });

  it('names the Mux variable that is missing', () => {
    expect(() => loadConfig({ ...base, MUX_TOKEN_ID: 'id' })).toThrow(
      'MUX_TOKEN_SECRET is not set',
    );
  });

  it('sends newsletters at 20 a second in batches of 50, trying each recipient 5 times', () => {
    expect(loadConfig(base).newsletters).toMatchObject({
      ratePerSecond: 20,
      batchSize: 50,
      maxAttempts: 5,
      retryDelayMs: 60_000,
      leaseMs: 300_000,
    });
    expect(() => loadConfig({ ...base, NEWSLETTER_RATE_PER_SECOND: '0' })).toThrow(
      'NEWSLETTER_RATE_PER_SECOND must be a whole number from 1 to 100000',
    );
  });

  it('keeps files in PostgreSQL unless S3 is chosen, and then wants a bucket', () => {
    expect(loadConfig(base).files).toEqual({ store: 'postgres', s3: null });
    expect(() => loadConfig({ ...base, FILE_STORE: 's3' })).toThrow(
      'S3_BUCKET is not set (FILE_STORE=s3)',
    );
    expect(() => loadConfig({ ...base, FILE_STORE: 'disk' })).toThrow('FILE_STORE');
    const s3 = loadConfig({
      ...base,
      FILE_STORE: 's3',
      S3_BUCKET: 'blup-files',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(s3.files.s3).toEqual({
      bucket: 'blup-files',
      endpoint: 'http://127.0.0.1:9000',
      region: 'eu-north-1',
      credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
      forcePathStyle: true,
    });
    expect(() => loadConfig({ ...base, FILE_STORE: 's3', S3_BUCKET: 'Blup_Files' })).toThrow(
      'S3_BUCKET must be an S3 bucket name',
    );
  });

  it('believes forwarded addresses from loopback proxies unless told which others to trust', () => {
    expect(loadConfig(base).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ ...base, TRUST_PROXY: 'uniquelocal, 10.0.0.0/8' }).trustProxy).toEqual([
      'uniquelocal',
      '10.0.0.0/8',
    ]);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'everyone' })).toThrow('TRUST_PROXY must be');
    expect(loadConfig(base).shutdownGraceMs).toBe(25_000);
  });

  it('wants a real signing secret in production', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(
      'SIGNING_SECRET is not set',
    );
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', SIGNING_SECRET: 'short' })).toThrow(
      'SIGNING_SECRET must be at least 32 characters',
    );
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

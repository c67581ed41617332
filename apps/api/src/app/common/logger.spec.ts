import { PinoLogger, redact } from './logger';
import { requestContext } from './request-context';

function capture(level: 'info' | 'warn' = 'info') {
  const lines: string[] = [];
  const sut = new PinoLogger(level, { write: (line: string) => lines.push(line) });
  return { sut, lines, entries: () => lines.map((l) => JSON.parse(l)) };
}

describe(PinoLogger.name, () => {
  it('writes one JSON line carrying the request id', () => {
    const { sut, lines, entries } = capture();
    requestContext.run({ requestId: 'req-1' }, () => sut.log('hello', 'Test'));
    sut.log('outside a request', 'Test');
    expect(lines).toHaveLength(2);
    expect(lines[0].endsWith('\n')).toBe(true);
    expect(entries()[0]).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      level: 'info',
      msg: 'hello',
      context: 'Test',
      requestId: 'req-1',
    });
    expect(entries()[1]).not.toHaveProperty('requestId');
  });

  it('drops lines below the minimum level', () => {
    const { sut, entries } = capture('warn');
    sut.log('quiet');
    sut.warn('loud');
    expect(entries().map((e) => e.msg)).toEqual(['loud']);
  });

  it('keeps Nest start-up chatter for debug level', () => {
    const { sut, entries } = capture();
    sut.log('Mapped {/api/health, GET} route', 'RouterExplorer');
    sut.log('Nest application successfully started', 'NestApplication');
    expect(entries().map((e) => e.context)).toEqual(['NestApplication']);
  });

  it('writes an error with its stack, and a message as it is', () => {
    const { sut, entries } = capture();
    const error = new Error('boom');
    sut.error(error, error.stack, 'Filter');
    sut.log('100%s done', 'Test');
    expect(entries()[0]).toMatchObject({ level: 'error', msg: 'boom', context: 'Filter' });
    expect(entries()[0].stack).toContain('\n    at ');
    expect(entries()[1].msg).toBe('100%s done');
  });

  it('never writes secrets that come in objects', () => {
    const { sut, lines, entries } = capture();
    sut.log({ msg: 'login', email: 'a@b.dk', password: 'hunter22', nested: { sessionToken: 'x' } });
    expect(lines[0]).not.toContain('hunter22');
    expect(lines[0]).not.toContain('"x"');
    expect(entries()[0]).toMatchObject({
      msg: 'login',
      email: 'a@b.dk',
      password: '[redacted]',
      nested: { sessionToken: '[redacted]' },
    });
    expect(redact({ Cookie: 'c', headers: { authorization: 'Bearer t' } })).toEqual({
      Cookie: '[redacted]',
      headers: { authorization: '[redacted]' },
    });
  });
});

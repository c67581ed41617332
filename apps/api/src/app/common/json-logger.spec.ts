import { JsonLogger, redact } from './json-logger';
import { requestContext } from './request-context';

describe(JsonLogger.name, () => {
  it('writes one JSON line carrying the request id', () => {
    const lines: string[] = [];
    const sut = new JsonLogger('info', (l) => lines.push(l));
    requestContext.run({ requestId: 'req-1' }, () => sut.log('hello', 'Test'));
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'info',
      msg: 'hello',
      context: 'Test',
      requestId: 'req-1',
    });
  });

  it('drops lines below the minimum level', () => {
    const lines: string[] = [];
    const sut = new JsonLogger('warn', (l) => lines.push(l));
    sut.log('quiet');
    sut.warn('loud');
    expect(lines).toHaveLength(1);
  });

  it('keeps Nest start-up chatter for debug level', () => {
    const lines: string[] = [];
    const sut = new JsonLogger('info', (l) => lines.push(l));
    sut.log('Mapped {/api/health, GET} route', 'RouterExplorer');
    sut.log('Nest application successfully started', 'NestApplication');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]).context).toBe('NestApplication');
  });

  it('never writes secrets that come in objects', () => {
    const lines: string[] = [];
    const sut = new JsonLogger('info', (l) => lines.push(l));
    sut.log({ msg: 'login', email: 'a@b.dk', password: 'hunter22', nested: { sessionToken: 'x' } });
    expect(lines[0]).not.toContain('hunter22');
    expect(lines[0]).not.toContain('"x"');
    expect(redact({ Cookie: 'c' })).toEqual({ Cookie: '[redacted]' });
  });
});

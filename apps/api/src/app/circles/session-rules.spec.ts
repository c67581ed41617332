import { ErrorCode, MaterialKind } from '@blup/contracts';
import { AppException } from '../common/app-exception';
import { isHttpsUrl } from '../common/https-url';
import { checkTimes, findOverlap, resolveMaterials, roomSlug, roomUrl } from './session-rules';

const at = (iso: string): Date => new Date(iso);

function codeOf(fn: () => unknown): { code: ErrorCode; details?: Record<string, string[]> } {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppException) {
      const body = error.getResponse() as { code: ErrorCode; details?: Record<string, string[]> };
      return { code: body.code, details: body.details };
    }
    throw error;
  }
  throw new Error('expected a failure');
}

describe(checkTimes.name, () => {
  const now = at('2027-01-01T12:00:00Z');

  it('accepts a session ahead of up to 8 hours', () => {
    expect(() =>
      checkTimes(
        { startsAt: at('2027-02-01T10:00:00Z'), endsAt: at('2027-02-01T18:00:00Z') },
        { now, mustBeFuture: true },
      ),
    ).not.toThrow();
  });

  it('refuses an end at or before the start, on the end field', () => {
    const failure = codeOf(() =>
      checkTimes(
        { startsAt: at('2027-02-01T10:00:00Z'), endsAt: at('2027-02-01T10:00:00Z') },
        { now, mustBeFuture: true, prefix: 'sessions.2.' },
      ),
    );
    expect(failure.code).toBe(ErrorCode.SessionEndsBeforeStart);
    expect(Object.keys(failure.details ?? {})).toEqual(['sessions.2.endsAt']);
  });

  it('refuses more than 8 hours', () => {
    expect(
      codeOf(() =>
        checkTimes(
          { startsAt: at('2027-02-01T10:00:00Z'), endsAt: at('2027-02-01T18:01:00Z') },
          { now, mustBeFuture: true },
        ),
      ).code,
    ).toBe(ErrorCode.SessionTooLong);
  });

  it('refuses the past only for new or moved sessions', () => {
    const span = { startsAt: at('2026-12-01T10:00:00Z'), endsAt: at('2026-12-01T11:00:00Z') };
    expect(codeOf(() => checkTimes(span, { now, mustBeFuture: true })).code).toBe(
      ErrorCode.SessionInPast,
    );
    expect(() => checkTimes(span, { now, mustBeFuture: false })).not.toThrow();
  });
});

describe(findOverlap.name, () => {
  const other = {
    id: 'x',
    circleId: 'c1',
    title: 'Kickoff',
    startsAt: at('2027-02-01T18:00:00Z'),
    endsAt: at('2027-02-01T20:00:00Z'),
  };

  it('finds a session of the same circle sharing time', () => {
    expect(
      findOverlap(
        {
          circleId: 'c1',
          startsAt: at('2027-02-01T19:00:00Z'),
          endsAt: at('2027-02-01T21:00:00Z'),
        },
        [other],
      ),
    ).toBe(other);
  });

  it('lets sessions touch, other circles overlap, and a session not clash with itself', () => {
    const touching = {
      circleId: 'c1',
      startsAt: at('2027-02-01T20:00:00Z'),
      endsAt: at('2027-02-01T21:00:00Z'),
    };
    expect(findOverlap(touching, [other])).toBeNull();
    expect(findOverlap({ ...other, circleId: 'c2', id: 'y' }, [other])).toBeNull();
    expect(findOverlap({ ...other }, [other])).toBeNull();
  });
});

describe(resolveMaterials.name, () => {
  const lessonId = '3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b';

  it('gives a lesson its page and keeps https links', () => {
    expect(
      resolveMaterials(
        [
          { kind: MaterialKind.Lesson, title: 'Intro', url: null, lessonId },
          { kind: MaterialKind.File, title: 'PDF', url: 'https://x.dk/a.pdf', lessonId: lessonId },
        ],
        new Set([lessonId]),
      ),
    ).toEqual([
      { kind: 'lesson', title: 'Intro', url: `/lessons/${lessonId}`, lessonId },
      { kind: 'file', title: 'PDF', url: 'https://x.dk/a.pdf', lessonId: null },
    ]);
  });

  it('refuses an unknown lesson and a link that is not https', () => {
    expect(
      codeOf(() =>
        resolveMaterials(
          [{ kind: MaterialKind.Lesson, title: 'Intro', url: null, lessonId }],
          new Set(),
        ),
      ).code,
    ).toBe(ErrorCode.UnknownReference);
    const failure = codeOf(() =>
      resolveMaterials(
        [{ kind: MaterialKind.Link, title: 'x', url: 'http://x.dk', lessonId: null }],
        new Set(),
        'sessions.0.',
      ),
    );
    expect(failure.code).toBe(ErrorCode.UrlNotHttps);
    expect(Object.keys(failure.details ?? {})).toEqual(['sessions.0.materials.0.url']);
  });
});

describe('rooms', () => {
  it('makes a readable slug of Danish names', () => {
    expect(roomSlug('Glumsø og Omegn')).toBe('glumsoe-og-omegn');
    expect(roomSlug('Ærø · Å')).toBe('aeroe-aa');
    expect(roomSlug('!!!')).toBe('kreds');
  });

  it('puts the room under the base url', () => {
    expect(roomUrl('https://meet.jit.si', 'Bogø', 'abcd1234')).toBe(
      'https://meet.jit.si/blup-bogoe-abcd1234',
    );
  });

  it.each([
    ['https://meet.jit.si/x', true],
    ['http://meet.jit.si/x', false],
    ['javascript:alert(1)', false],
    ['https://', false],
  ])('%s is https: %s', (url, ok) => expect(isHttpsUrl(url)).toBe(ok));
});

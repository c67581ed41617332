import type { HeartbeatRequest } from '@blup/contracts';
import { coveredRange, heartbeatProblem, MAX_STRETCH_SECONDS, resumePosition } from './heartbeat';

const hb = (
  fromSeconds: number,
  toSeconds: number,
  positionSeconds = toSeconds,
): HeartbeatRequest => ({
  fromSeconds,
  toSeconds,
  positionSeconds,
  event: 'tick',
});

describe(heartbeatProblem.name, () => {
  const sut = heartbeatProblem;

  it('accepts a normal tick, a pause without a stretch, and the end within a second', () => {
    expect(sut(hb(0, 10), 100)).toBeNull();
    expect(sut(hb(42, 42), 100)).toBeNull();
    expect(sut(hb(90, 100.8), 100)).toBeNull();
  });

  it('refuses negative values, a backwards stretch and positions beyond the duration', () => {
    expect(sut(hb(-1, 5), 100)).toMatch(/negative/);
    expect(sut(hb(0, 5, -2), 100)).toMatch(/negative/);
    expect(sut(hb(10, 5), 100)).toMatch(/after/);
    expect(sut(hb(95, 102), 100)).toMatch(/beyond/);
    expect(sut(hb(0, 5, 150), 100)).toMatch(/beyond/);
  });

  it('refuses a stretch longer than a heartbeat can cover (no claiming the whole video)', () => {
    expect(sut(hb(0, MAX_STRETCH_SECONDS), 100)).toBeNull();
    expect(sut(hb(0, MAX_STRETCH_SECONDS + 1), 100)).toMatch(/at most/);
    expect(sut(hb(0, 100), 100)).toMatch(/at most/);
  });
});

describe(coveredRange.name, () => {
  it('rounds outwards to whole seconds and stops at the end', () => {
    expect(coveredRange(hb(0.4, 9.6), 100)).toEqual([0, 10]);
    expect(coveredRange(hb(95, 100.9), 100)).toEqual([95, 100]);
    expect(coveredRange(hb(7, 7), 100)).toEqual([7, 7]);
  });
});

describe(resumePosition.name, () => {
  it('resumes at the playhead, and from the start after the end', () => {
    expect(resumePosition(hb(0, 10, 10), 100)).toBe(10);
    expect(resumePosition({ ...hb(90, 100), event: 'ended' }, 100)).toBe(0);
  });
});

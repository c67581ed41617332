import { formatClock } from './course-labels';

describe('course labels', () => {
  it('writes resume positions as a clock', () => {
    expect(formatClock(3.7)).toBe('0:03');
    expect(formatClock(3725)).toBe('1:02:05');
  });
});

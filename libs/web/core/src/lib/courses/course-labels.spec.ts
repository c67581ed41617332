import { da } from '../i18n/da';
import { en } from '../i18n/en';
import { formatClock, lessonCountKey, moduleCountKey } from './course-labels';

describe('course labels', () => {
  it('picks the singular for one and the plural otherwise', () => {
    expect(moduleCountKey(1)).toBe('courses.moduleCountOne');
    expect(moduleCountKey(0)).toBe('courses.moduleCountMany');
    expect(moduleCountKey(4)).toBe('courses.moduleCountMany');
    expect(lessonCountKey(1)).toBe('courses.lessonCountOne');
    expect(lessonCountKey(2)).toBe('courses.lessonCountMany');
    expect(da.courses.moduleCountOne).toBe('{n} modul');
    expect(en.courses.lessonCountMany).toBe('{n} lessons');
  });

  it('writes resume positions as a clock', () => {
    expect(formatClock(3.7)).toBe('0:03');
    expect(formatClock(3725)).toBe('1:02:05');
  });
});

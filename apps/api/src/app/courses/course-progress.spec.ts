import { LessonKind } from '@blup/contracts';
import { completionThreshold, lessonProgress, percentOf } from './course-progress';

describe(percentOf.name, () => {
  it('floors to whole percent and is 0 for nothing', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(3, 3)).toBe(100);
    expect(percentOf(0, 0)).toBe(0);
  });
});

describe(lessonProgress.name, () => {
  it('is 100 when complete and coverage-based for a video in progress', () => {
    expect(lessonProgress(LessonKind.Text, null, null)).toEqual({
      positionSeconds: 0,
      coveredSeconds: 0,
      percent: 0,
      completed: false,
    });
    expect(
      lessonProgress(LessonKind.Video, 100, {
        positionSeconds: 50,
        coveredSeconds: 95,
        completed: false,
      }).percent,
    ).toBe(95);
    expect(
      lessonProgress(LessonKind.Video, 100, {
        positionSeconds: 0,
        coveredSeconds: 100,
        completed: false,
      }).percent,
    ).toBe(99);
    expect(
      lessonProgress(LessonKind.Resource, null, {
        positionSeconds: 0,
        coveredSeconds: 0,
        completed: true,
      }).percent,
    ).toBe(100);
  });

  it('needs 90% of the duration to complete', () => {
    expect(completionThreshold(200)).toBe(180);
  });
});

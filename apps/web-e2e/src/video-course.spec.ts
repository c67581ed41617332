import { join } from 'node:path';
import type { Page as PlaywrightPage, Response } from '@playwright/test';
import {
  CourseAudience,
  type CourseDto,
  type CourseModuleDto,
  type DemoSignIn,
  type LessonDto,
  LessonKind,
  type LessonProgressDto,
  Role,
} from '@blup/contracts';
import type { ApiClient } from './support/api';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { signInThroughApi } from './support/ui';
import { uniqueSuffix } from './support/unique';

/** The seeded 8 s demo video (H.264 and AAC in MP4). */
const DEMO_VIDEO = join(__dirname, '../../api/src/assets/demo/blup-akademiet-demo.mp4');

/** The demo learners: the fixture `demo` has only the first of each role, this test needs two. */
async function demoLearners(baseUrl: string): Promise<[DemoSignIn, DemoSignIn]> {
  const response = await fetch(`${baseUrl}/api/demo/sign-ins`);
  if (!response.ok) throw new Error(`GET /api/demo/sign-ins answered HTTP ${response.status}`);
  const learners = ((await response.json()) as DemoSignIn[]).filter(
    (signIn) => signIn.role === Role.Learner,
  );
  if (learners.length < 2) throw new Error('The demo data has fewer than two learners');
  return [learners[0], learners[1]];
}

/**
 * A published academy course with one published module and one published video lesson (no
 * video yet), which `learners` are invited to.
 */
async function arrangeCourse(
  secretariat: ApiClient,
  learnerIds: string[],
): Promise<{ course: CourseDto; lesson: LessonDto }> {
  const suffix = uniqueSuffix();
  const course = await secretariat.post<CourseDto>('/api/courses', {
    title: `E2E Videokursus ${suffix}`,
    summary: 'Et kursus, som browsertestene har oprettet.',
    audience: CourseAudience.Academy,
  });
  const module = await secretariat.post<CourseModuleDto>(`/api/courses/${course.id}/modules`, {
    title: 'Første modul',
  });
  const lesson = await secretariat.post<LessonDto>(`/api/modules/${module.id}/lessons`, {
    title: `Velkommen til BLUP ${suffix}`,
    kind: LessonKind.Video,
  });
  await secretariat.patch(`/api/lessons/${lesson.id}`, { published: true });
  await secretariat.patch(`/api/modules/${module.id}`, { published: true });
  await secretariat.patch(`/api/courses/${course.id}`, { published: true });
  await secretariat.post(`/api/courses/${course.id}/access`, { userIds: learnerIds });
  return { course, lesson };
}

/** The API's answer to the next heartbeat about `lessonId` with this event. */
function heartbeat(
  page: PlaywrightPage,
  lessonId: string,
  event: 'tick' | 'pause' | 'ended',
): Promise<Response> {
  return page.waitForResponse((response) => {
    const request = response.request();
    if (!response.url().endsWith(`/api/lessons/${lessonId}/heartbeats`)) return false;
    if (request.method() !== 'POST') return false;
    return (request.postDataJSON() as { event?: string } | null)?.event === event;
  });
}

/** Starts the player (muted, so headless Chromium needs no user gesture). */
async function play(page: PlaywrightPage): Promise<void> {
  await page.getByTestId('video').evaluate(async (video: HTMLVideoElement) => {
    video.muted = true;
    await video.play();
  });
}

function currentTime(page: PlaywrightPage): Promise<number> {
  return page.getByTestId('video').evaluate((video: HTMLVideoElement) => video.currentTime);
}

test.describe('Video lessons', () => {
  test('the secretariat uploads a video; a learner watches, leaves, resumes and completes it', async ({
    page,
    demo,
    api,
    baseURL,
  }) => {
    test.setTimeout(60_000);
    const [learner, otherLearner] = await demoLearners(baseURL ?? '');
    const learnerIds = await Promise.all(
      [learner, otherLearner].map(async (account) => (await api.as(account)).user?.id ?? ''),
    );
    const { course, lesson } = await arrangeCourse(await api.as(demo.secretariat), learnerIds);

    // Can this Chromium play the demo video at all? Debian's build should decode H.264.
    await page.goto('/sign-in');
    const canPlay = await page.evaluate(() =>
      document.createElement('video').canPlayType('video/mp4; codecs="avc1.42E01E, mp4a.40.2"'),
    );
    expect(
      canPlay,
      'Chromium cannot decode H.264/AAC in MP4 (proprietary codecs missing)',
    ).not.toBe('');

    // The secretariat uploads the video through the lesson editor.
    await signInThroughApi(page, demo.secretariat);
    await page.goto(`/authoring/lessons/${lesson.id}`);
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    const status = page.getByTestId('video-status');
    await expect(status).toHaveText('Status: Der er ingen video endnu.');
    await expectAccessible(page, { label: 'the lesson editor' });

    // The file is one small chunk: hold it back a moment, so the progress bar can be seen.
    await page.route('**/api/video-uploads/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await page.getByTestId('video-file').setInputFiles(DEMO_VIDEO);
    const progressBar = page.getByTestId('upload-progress');
    await expect(progressBar).toBeVisible();
    await expect(progressBar).toHaveAttribute('aria-label', /^Uploader video: \d+ %$/);
    await expect(page.getByText(/Uploader video: \d+ %/)).toBeVisible();
    await expect(page.getByText('Videoen er uploadet og bliver nu behandlet.')).toBeVisible();
    await expect(progressBar).toBeHidden();
    await expect(async () => {
      if ((await status.textContent())?.trim() !== 'Status: Klar')
        await page.getByTestId('refresh').click();
      await expect(status).toHaveText('Status: Klar', { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await page.unrouteAll();

    // The learner watches the first few seconds and pauses.
    await page.context().clearCookies();
    await signInThroughApi(page, learner);
    await page.goto(`/lessons/${lesson.id}`);
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    await expect(page.getByTestId('video')).toBeVisible();
    await expect(page.getByTestId('lesson-percent')).toContainText('0 % gennemført');
    await expectAccessible(page, { label: 'the lesson page' });

    await play(page);
    await page.waitForFunction(
      () => (document.querySelector('video')?.currentTime ?? 0) >= 3.3,
      undefined,
      { polling: 50 },
    );
    const paused = heartbeat(page, lesson.id, 'pause');
    await page.getByTestId('video').evaluate((element: HTMLVideoElement) => element.pause());
    const pausedAt = await currentTime(page);
    expect(pausedAt).toBeGreaterThanOrEqual(3);
    expect(pausedAt).toBeLessThan(5);
    const afterPause = (await (await paused).json()) as LessonProgressDto;
    expect(afterPause.completed).toBe(false);
    expect(afterPause.positionSeconds).toBeCloseTo(pausedAt, 1);
    await expect(page.getByTestId('lesson-percent')).toContainText(
      `${afterPause.percent} % gennemført`,
    );

    // Away to the course page, which shows the lesson half done, and back again.
    await page.getByRole('link', { name: course.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible();
    const lessonLink = page.getByTestId(`lesson-${lesson.id}`);
    await expect(lessonLink).toContainText(`${afterPause.percent} %`);
    await lessonLink.click();
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    await expect(page.getByText(/^Du fortsætter, hvor du slap \(0:0[34]\)\.$/)).toBeVisible();
    await expect.poll(() => currentTime(page)).toBeCloseTo(afterPause.positionSeconds, 1);

    // On to the end: every second has now been watched once.
    const ended = heartbeat(page, lesson.id, 'ended');
    await play(page);
    const afterEnd = (await (await ended).json()) as LessonProgressDto;
    expect(afterEnd).toMatchObject({ completed: true, percent: 100 });
    await expect(page.getByTestId('lesson-percent')).toContainText('Færdig');

    await page.getByRole('link', { name: course.title }).click();
    await expect(page.getByTestId('course-percent')).toContainText('100 % gennemført');
    await expect(lessonLink).toContainText('Færdig');

    // Another learner jumps straight to the end: that is not watching it.
    await page.context().clearCookies();
    await signInThroughApi(page, otherLearner);
    await page.goto(`/lessons/${lesson.id}`);
    await expect(page.getByTestId('video')).toBeVisible();
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1);
    const skipped = heartbeat(page, lesson.id, 'ended');
    await play(page);
    await page.getByTestId('video').evaluate((element: HTMLVideoElement) => {
      element.currentTime = element.duration;
    });
    const afterSkip = (await (await skipped).json()) as LessonProgressDto;
    expect(afterSkip.completed).toBe(false);
    expect(afterSkip.percent).toBeLessThan(50);
    await page.reload();
    await expect(page.getByTestId('video')).toBeVisible();
    await expect(page.getByTestId('lesson-percent')).toContainText(
      `${afterSkip.percent} % gennemført`,
    );
    await expect(page.getByTestId('lesson-percent')).not.toContainText('Færdig');
  });
});

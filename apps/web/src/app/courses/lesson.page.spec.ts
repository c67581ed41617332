import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  CourseAudience,
  type CourseDto,
  type LessonDto,
  LessonKind,
  type LessonSummaryDto,
  type PlaybackDto,
  VideoStatus,
} from '@blup/contracts';
import { LessonPage } from './lesson.page';

const progress = { positionSeconds: 0, coveredSeconds: 0, percent: 0, completed: false };

function aLesson(overrides: Partial<LessonDto> = {}): LessonDto {
  return {
    id: 'l1',
    title: 'Hvad er BLUP?',
    kind: LessonKind.Text,
    position: 0,
    published: true,
    inspiration: false,
    durationSeconds: null,
    videoStatus: VideoStatus.None,
    progress,
    courseId: 'c1',
    moduleId: 'm1',
    body: '<p>Velkommen</p><img src="x" onerror="alert(1)">',
    resource: null,
    playback: null,
    ...overrides,
  };
}

const summary = (id: string, title: string): LessonSummaryDto => ({
  ...aLesson({ id, title }),
});

const course: CourseDto = {
  id: 'c1',
  title: 'BLUP-forløbet',
  summary: '',
  audience: CourseAudience.VillageProcess,
  language: 'da',
  published: true,
  moduleCount: 2,
  lessonCount: 2,
  percent: 0,
  modules: [
    { ...moduleOf('m1'), lessons: [summary('l1', 'Hvad er BLUP?')] },
    { ...moduleOf('m2'), lessons: [summary('l2', 'Styregruppen')] },
  ],
};

function moduleOf(id: string) {
  return {
    id,
    title: id,
    summary: '',
    phase: null,
    months: '',
    position: 0,
    published: true,
    percent: 0,
  };
}

const playback: PlaybackDto = {
  provider: 'local',
  playbackId: null,
  token: null,
  thumbnailToken: null,
  src: '/api/video/l1?sig=abc',
  posterUrl: null,
  captions: [{ language: 'da', label: 'Dansk', url: '/api/video/l1/captions.vtt?sig=abc' }],
  expiresAt: '2026-01-01T00:00:00Z',
};

describe(LessonPage.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => {
    // The templates linked from the lesson (none here).
    for (const req of http.match((r) => r.url.startsWith('/api/library/linked/'))) {
      req.flush({ items: [], total: 0, page: 1, pageSize: 20 });
    }
    http.verify();
  });

  /** Lets answered requests reach the signals, effects run and the view update. */
  async function settle() {
    for (let i = 0; i < 3; i++) {
      TestBed.tick();
      await Promise.resolve();
    }
  }

  async function render(lesson: LessonDto) {
    const fixture = TestBed.createComponent(LessonPage);
    fixture.componentRef.setInput('id', lesson.id);
    await settle();
    http.expectOne(`/api/lessons/${lesson.id}`).flush(lesson);
    await settle();
    const element = fixture.nativeElement as HTMLElement;
    const byTestId = (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    return { element, byTestId };
  }

  it('shows a text lesson sanitised, marks it complete on opening and links to the next', async () => {
    const { byTestId } = await render(aLesson());

    http.expectOne({ method: 'POST', url: '/api/lessons/l1/complete' }).flush({
      ...progress,
      percent: 100,
      completed: true,
    });
    http.expectOne('/api/courses/c1').flush(course);
    await settle();

    expect(byTestId('lesson-body')?.innerHTML).toContain('<p>Velkommen</p>');
    expect(byTestId('lesson-body')?.innerHTML).not.toContain('onerror');
    expect(byTestId('lesson-percent')?.textContent).toContain('Færdig');
    expect(byTestId('next-lesson')?.getAttribute('href')).toBe('/lessons/l2');
  });

  it('does not complete a text lesson that is already done', async () => {
    await render(aLesson({ progress: { ...progress, completed: true } }));
    http.expectOne('/api/courses/c1').flush(course);
    await settle();

    http.expectNone('/api/lessons/l1/complete');
  });

  it('offers the file of a resource lesson and marks it done on request', async () => {
    const { byTestId } = await render(
      aLesson({
        id: 'l2',
        kind: LessonKind.Resource,
        body: '',
        resource: { fileName: 'skabelon.docx', mimeType: 'x', sizeBytes: 12000, url: '/f' },
      }),
    );
    http.expectOne('/api/courses/c1').flush(course);
    await settle();

    expect(byTestId('download')?.getAttribute('href')).toBe('/api/lessons/l2/resource');
    expect(byTestId('next-lesson')).toBeNull();

    byTestId('mark-done')?.click();
    http
      .expectOne({ method: 'POST', url: '/api/lessons/l2/complete' })
      .flush({ ...progress, percent: 100, completed: true });
    await settle();

    expect(byTestId('mark-done')).toBeNull();
  });

  it('shows the state of a video that is not ready yet', async () => {
    const { byTestId } = await render(
      aLesson({ kind: LessonKind.Video, body: '', videoStatus: VideoStatus.Processing }),
    );
    http.expectOne('/api/courses/c1').flush(course);
    await settle();

    expect(byTestId('video-status')?.textContent).toContain('behandlet');
    expect(byTestId('video')).toBeNull();
  });

  it('plays a local video with Danish captions, resuming where the person left off', async () => {
    const { element, byTestId } = await render(
      aLesson({
        kind: LessonKind.Video,
        body: '',
        durationSeconds: 120,
        videoStatus: VideoStatus.Ready,
        progress: { ...progress, positionSeconds: 42 },
        playback: null,
      }),
    );
    http.expectOne('/api/courses/c1').flush(course);
    http.expectOne('/api/lessons/l1/playback').flush(playback);
    await settle();

    const video = byTestId('video') as HTMLVideoElement;
    expect(video.getAttribute('src')).toBe('/api/video/l1?sig=abc');
    const track = video.querySelector('track');
    expect(track?.getAttribute('srclang')).toBe('da');
    expect(track?.hasAttribute('default')).toBe(true);
    expect(element.textContent).toContain('0:42');
  });
});

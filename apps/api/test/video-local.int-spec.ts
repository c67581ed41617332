import {
  CourseAudience,
  CSRF_COOKIE,
  LessonKind,
  CSRF_HEADER,
  Role,
  VideoStatus,
  type CaptionTrackDto,
  type PlaybackDto,
  type VideoUploadDto,
} from '@blup/contracts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sessionCookieName } from '../src/app/auth/cookies';
import { Course, CourseModule, Lesson } from '../src/app/database/entities';
import { attachDemoVideo } from '../src/app/demo/demo-video';
import { FileStore } from '../src/app/files/file-store';
import { signMedia } from '../src/app/video/signed-url';
import { startTestApp, type TestApp } from './harness';
import type { TestClient } from './http-client';
import { signInAs } from './sign-in';
import { reload, videoLesson } from './video-fixtures';

const DEMO_MP4 = join(__dirname, '../src/assets/demo/blup-akademiet-demo.mp4');

describe('video on the local provider', () => {
  let t: TestApp;
  let admin: TestClient;
  let video: Buffer;

  beforeAll(async () => {
    t = await startTestApp({ MAX_VIDEO_MB: '1' });
    admin = await signInAs(t, await t.factory.user({ role: Role.Secretariat }));
    await admin.get('/api/auth/csrf');
    video = await readFile(DEMO_MP4);
  });
  afterAll(() => t?.close());

  /** One PUT the way UpChunk sends it: raw bytes with Content-Range, plus session and CSRF. */
  function putChunk(
    client: TestClient,
    url: string,
    bytes: Buffer,
    start: number,
    total: number,
  ): Promise<Response> {
    const session = client.cookie(sessionCookieName(t.config));
    const csrf = client.cookie(CSRF_COOKIE) ?? '';
    return fetch(t.url + url, {
      method: 'PUT',
      body: new Uint8Array(bytes),
      headers: {
        cookie: `${sessionCookieName(t.config)}=${session}; ${CSRF_COOKIE}=${csrf}`,
        [CSRF_HEADER]: csrf,
        'content-type': 'application/octet-stream',
        'content-range': `bytes ${start}-${start + bytes.length - 1}/${total}`,
      },
    });
  }

  async function upload(lessonId: string): Promise<VideoUploadDto> {
    const res = await admin.post<VideoUploadDto>(`/api/lessons/${lessonId}/video-upload`);
    expect(res.status).toBe(201);
    return res.body;
  }

  async function readyLesson(): Promise<string> {
    const lesson = await videoLesson(t.dataSource);
    const { url } = await upload(lesson.id);
    expect((await putChunk(admin, url, video, 0, video.length)).status).toBe(200);
    return lesson.id;
  }

  it('takes a video in three chunks (one of them sent twice) and makes it ready', async () => {
    const lesson = await videoLesson(t.dataSource);
    const dto = await upload(lesson.id);
    expect(dto).toEqual({
      provider: 'local',
      uploadId: expect.any(String),
      url: `/api/video-uploads/${dto.uploadId}`,
    });
    const third = Math.ceil(video.length / 3);
    const parts = [0, third, 2 * third].map((start) => ({
      start,
      bytes: video.subarray(start, Math.min(start + third, video.length)),
    }));
    let res = await putChunk(admin, dto.url, parts[0].bytes, 0, video.length);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      received: third,
      total: video.length,
      status: VideoStatus.WaitingForUpload,
    });
    // A resumed upload sends the last chunk again: fine.
    res = await putChunk(admin, dto.url, parts[0].bytes, 0, video.length);
    expect(res.status).toBe(200);
    // A gap is refused with where to resume.
    res = await putChunk(admin, dto.url, parts[2].bytes, parts[2].start, video.length);
    expect(res.status).toBe(409);
    res = await putChunk(admin, dto.url, parts[1].bytes, parts[1].start, video.length);
    expect(res.status).toBe(200);
    res = await putChunk(admin, dto.url, parts[2].bytes, parts[2].start, video.length);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: VideoStatus.Ready });
    const after = await reload(t.dataSource, lesson);
    expect(after).toMatchObject({ videoStatus: VideoStatus.Ready, videoProvider: 'local' });
    expect(after.durationSeconds).toBeCloseTo(8, 0);
    const stored = await readFile(join(t.config.video.storageDir, after.videoFileKey ?? ''));
    expect(stored.equals(video)).toBe(true);
  });

  it('refuses a video over the size limit with 413 and a non-video with 415', async () => {
    const lesson = await videoLesson(t.dataSource);
    const { url } = await upload(lesson.id);
    const tooBig = await putChunk(admin, url, video.subarray(0, 1000), 0, 5 * 1024 * 1024);
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ message: expect.stringMatching(/at most 1 MB/) });

    const text = Buffer.from('%PDF-1.7 this is not a video at all, it is a document');
    const wrong = await putChunk(admin, url, text, 0, text.length);
    expect(wrong.status).toBe(415);
    expect(await wrong.json()).toMatchObject({ message: expect.stringMatching(/not a video/) });
    expect((await reload(t.dataSource, lesson)).videoStatus).toBe(VideoStatus.WaitingForUpload);
  });

  it('streams from the signed URL with range requests', async () => {
    const lessonId = await readyLesson();
    const playback = await admin.get<PlaybackDto>(`/api/lessons/${lessonId}/playback`);
    expect(playback.status).toBe(200);
    expect(playback.body).toMatchObject({ provider: 'local', playbackId: null, token: null });
    const src = playback.body.src ?? '';
    expect(src).toMatch(new RegExp(`^/api/media/videos/${lessonId}\\?exp=\\d+&sig=`));

    // The URL is the proof: no session needed.
    const whole = await fetch(t.url + src);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await whole.arrayBuffer()).equals(video)).toBe(true);

    const part = await fetch(t.url + src, { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${video.length}`);
    expect(part.headers.get('content-length')).toBe('100');
    expect(Buffer.from(await part.arrayBuffer()).equals(video.subarray(100, 200))).toBe(true);

    const tail = await fetch(t.url + src, { headers: { range: 'bytes=-10' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(video.subarray(-10))).toBe(true);

    const outside = await fetch(t.url + src, { headers: { range: `bytes=${video.length}-` } });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe(`bytes */${video.length}`);

    // A browser revalidating the video it holds already: 304, no body. (Without its own
    // Cache-Control, fetch would add "no-cache", which asks for the whole file again.)
    const etag = whole.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(t.url + src, {
      headers: { 'if-none-match': etag ?? '', 'cache-control': 'max-age=0' },
    });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
  });

  it('refuses an expired or tampered stream URL with 403', async () => {
    const lessonId = await readyLesson();
    const past = Math.floor(Date.now() / 1000) - 10;
    const expiredSig = signMedia(t.config.signingSecret, `video:${lessonId}`, past);
    const expired = await fetch(
      `${t.url}/api/media/videos/${lessonId}?exp=${past}&sig=${expiredSig}`,
    );
    expect(expired.status).toBe(403);
    expect(await expired.json()).toMatchObject({ message: expect.stringMatching(/expired/) });

    const { body } = await admin.get<PlaybackDto>(`/api/lessons/${lessonId}/playback`);
    const src = body.src ?? '';
    const later = src.replace(/exp=(\d+)/, (_, exp: string) => `exp=${Number(exp) + 3600}`);
    expect((await fetch(t.url + later)).status).toBe(403);
    const other = await videoLesson(t.dataSource);
    expect((await fetch(t.url + src.replace(lessonId, other.id))).status).toBe(403);
  });

  it('gives playback to people who may see the lesson, and 404 to those who may not', async () => {
    const lessonId = await readyLesson();
    const village = await t.factory.village();
    await t.factory.cohort([village]);
    const member = await signInAs(t, await t.factory.user({ role: Role.SteeringMember, village }));
    expect((await member.get(`/api/lessons/${lessonId}/playback`)).status).toBe(200);

    const learner = await signInAs(t, await t.factory.user({ role: Role.Learner }));
    const refused = await learner.get(`/api/lessons/${lessonId}/playback`);
    expect(refused.status).toBe(404);

    const draft = await videoLesson(t.dataSource, { published: false });
    expect((await member.get(`/api/lessons/${draft.id}/playback`)).status).toBe(404);
    expect((await t.client().get(`/api/lessons/${lessonId}/playback`)).status).toBe(401);
  });

  it('stores Danish captions and serves them to viewers', async () => {
    const lessonId = await readyLesson();
    const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHej og velkommen\n';
    const send = (content: string, name = 'da.vtt'): Promise<Response> => {
      const form = new FormData();
      form.append('file', new Blob([content], { type: 'text/vtt' }), name);
      const csrf = admin.cookie(CSRF_COOKIE) ?? '';
      return fetch(`${t.url}/api/lessons/${lessonId}/captions`, {
        method: 'POST',
        body: form,
        headers: {
          cookie: `${sessionCookieName(t.config)}=${admin.cookie(sessionCookieName(t.config))}; ${CSRF_COOKIE}=${csrf}`,
          [CSRF_HEADER]: csrf,
        },
      });
    };
    const notVtt = await send('1\n00:00:00,000 --> 00:00:02,000\nSRT is not WebVTT\n', 'da.srt');
    expect(notVtt.status).toBe(415);
    const tooBig = await send(`WEBVTT\n\n${'x'.repeat(600 * 1024)}`);
    expect(tooBig.status).toBe(413);

    const res = await send(vtt);
    expect(res.status).toBe(201);
    const tracks = (await res.json()) as CaptionTrackDto[];
    expect(tracks).toEqual([
      { language: 'da', label: 'Dansk', url: `/api/lessons/${lessonId}/captions/da` },
    ]);
    const playback = await admin.get<PlaybackDto>(`/api/lessons/${lessonId}/playback`);
    expect(playback.body.captions).toEqual(tracks);

    const got = await admin.get(tracks[0].url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toMatch(/^text\/vtt/);
    expect(got.body).toBe(vtt);
    const learner = await signInAs(t, await t.factory.user({ role: Role.Learner }));
    expect((await learner.get(tracks[0].url)).status).toBe(404);
    expect((await admin.get(`/api/lessons/${lessonId}/captions/en`)).status).toBe(404);
  });

  it('gives the first video lesson of the BLUP course the demo video (seed)', async () => {
    const runner = t.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      const em = runner.manager;
      const course = await em.save(
        em.create(Course, {
          title: 'BLUP',
          audience: CourseAudience.VillageProcess,
          language: 'da',
          position: -1,
          publishedAt: new Date(),
        }),
      );
      const module = await em.save(
        em.create(CourseModule, { courseId: course.id, title: 'Optakt', position: 0 }),
      );
      const [, first] = await em.save([
        em.create(Lesson, {
          moduleId: module.id,
          title: 'Tekst',
          kind: LessonKind.Text,
          position: 0,
        }),
        em.create(Lesson, {
          moduleId: module.id,
          title: 'Hvad er BLUP?',
          kind: LessonKind.Video,
          position: 1,
        }),
        em.create(Lesson, {
          moduleId: module.id,
          title: 'Mere',
          kind: LessonKind.Video,
          position: 2,
        }),
      ]);
      const files = t.app.get(FileStore);
      expect(await attachDemoVideo(em, t.config.video.storageDir, files)).toContain(first.id);
      const lesson = await em.findOneByOrFail(Lesson, { id: first.id });
      expect(lesson).toMatchObject({
        videoProvider: 'local',
        videoStatus: VideoStatus.Ready,
        captions: [{ language: 'da', label: 'Dansk', fileKey: `captions/${first.id}/da.vtt` }],
      });
      expect(lesson.durationSeconds).toBeCloseTo(8, 0);
      const copied = await readFile(join(t.config.video.storageDir, lesson.videoFileKey ?? ''));
      expect(copied.equals(video)).toBe(true);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});

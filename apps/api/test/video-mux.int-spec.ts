import { Role, VideoStatus, type PlaybackDto, type VideoUploadDto } from '@blup/contracts';
import { createPublicKey, verify } from 'node:crypto';
import { FakeMux, muxEvent } from './fake-mux';
import { startTestApp, type TestApp } from './harness';
import { signInAs } from './sign-in';
import type { TestClient } from './http-client';
import { processed, reload, videoLesson } from './video-fixtures';

/** Decodes and checks an RS256 JWT with the public key; returns its header and claims. */
function verifyJwt(
  token: string,
  publicKeyPem: string,
): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [h, p, s] = token.split('.');
  const ok = verify(
    'RSA-SHA256',
    Buffer.from(`${h}.${p}`),
    createPublicKey(publicKeyPem),
    Buffer.from(s, 'base64url'),
  );
  if (!ok) throw new Error('JWT signature does not verify');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString()),
    claims: JSON.parse(Buffer.from(p, 'base64url').toString()),
  };
}

describe('video on Mux', () => {
  const mux = new FakeMux();
  let t: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    await mux.start();
    t = await startTestApp(mux.env());
    admin = await signInAs(t, await t.factory.user({ role: Role.Secretariat }));
  });
  afterAll(async () => {
    await t?.close();
    await mux.stop();
  });

  /** Sends a webhook as Mux would, signed unless told otherwise. */
  function webhook(
    body: string,
    headers: Record<string, string> = { 'mux-signature': mux.sign(body) },
  ): ReturnType<TestClient['raw']> {
    return t.client().raw('POST', '/api/webhooks/mux', {
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });
  }

  async function lessonWithUpload(): Promise<{ lessonId: string; uploadId: string }> {
    const lesson = await videoLesson(t.dataSource);
    const res = await admin.post<VideoUploadDto>(`/api/lessons/${lesson.id}/video-upload`);
    expect(res.status).toBe(201);
    return { lessonId: lesson.id, uploadId: res.body.uploadId };
  }

  const assetCreated = (uploadId: string, assetId: string, lessonId: string, at: Date) =>
    muxEvent(
      'video.upload.asset_created',
      { id: uploadId, asset_id: assetId, new_asset_settings: { passthrough: lessonId } },
      at,
    );
  const assetReady = (uploadId: string, assetId: string, lessonId: string, at: Date) =>
    muxEvent(
      'video.asset.ready',
      {
        id: assetId,
        status: 'ready',
        upload_id: uploadId,
        passthrough: lessonId,
        duration: 73.4,
        playback_ids: [{ id: `pb-${assetId}`, policy: 'signed' }],
      },
      at,
    );

  it('creates a direct upload on Mux for a video lesson', async () => {
    const lesson = await videoLesson(t.dataSource);
    const res = await admin.post<VideoUploadDto>(`/api/lessons/${lesson.id}/video-upload`);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      provider: 'mux',
      uploadId: expect.stringMatching(/^upload-/),
      url: expect.stringMatching(/^https:\/\/storage\.googleapis\.com\//),
    });
    const call = mux.requests.find((r) => r.method === 'POST' && r.path === '/video/v1/uploads');
    expect(call?.body).toEqual({
      cors_origin: 'http://blup.test',
      new_asset_settings: { playback_policy: ['signed'], passthrough: lesson.id },
    });
    const after = await reload(t.dataSource, lesson);
    expect(after).toMatchObject({
      videoProvider: 'mux',
      videoStatus: VideoStatus.WaitingForUpload,
      videoUploadId: res.body.uploadId,
    });
  });

  it('refuses an upload for a lesson that is not a video (400) and for non-secretariat (403)', async () => {
    const text = await videoLesson(t.dataSource, { kind: 'text' as never });
    expect((await admin.post(`/api/lessons/${text.id}/video-upload`)).status).toBe(400);
    const member = await signInAs(t, await t.factory.user({ role: Role.SteeringMember }));
    const video = await videoLesson(t.dataSource);
    expect((await member.post(`/api/lessons/${video.id}/video-upload`)).status).toBe(403);
  });

  it('follows webhooks to ready and hands out signed playback tokens', async () => {
    const { lessonId, uploadId } = await lessonWithUpload();
    const t0 = Date.now();
    const created = assetCreated(uploadId, 'asset-1', lessonId, new Date(t0));
    const res = await webhook(JSON.stringify(created));
    expect(res.status).toBe(200);
    await processed(t.dataSource, [created.id]);
    expect((await reload(t.dataSource, { id: lessonId })).videoStatus).toBe(VideoStatus.Processing);

    const early = await admin.get(`/api/lessons/${lessonId}/playback`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ message: 'The video is not ready yet.' });

    const ready = assetReady(uploadId, 'asset-1', lessonId, new Date(t0 + 1000));
    expect((await webhook(JSON.stringify(ready))).status).toBe(200);
    await processed(t.dataSource, [ready.id]);
    expect(await reload(t.dataSource, { id: lessonId })).toMatchObject({
      videoStatus: VideoStatus.Ready,
      videoAssetId: 'asset-1',
      videoPlaybackId: 'pb-asset-1',
      durationSeconds: 73.4,
    });

    const playback = await admin.get<PlaybackDto>(`/api/lessons/${lessonId}/playback`);
    expect(playback.status).toBe(200);
    const body = playback.body;
    expect(body).toMatchObject({ provider: 'mux', playbackId: 'pb-asset-1', src: null });
    const now = Math.floor(Date.now() / 1000);
    for (const [token, aud] of [
      [body.token, 'v'],
      [body.thumbnailToken, 't'],
    ] as const) {
      const { header, claims } = verifyJwt(token ?? '', mux.signingKeyPublicPem);
      expect(header).toMatchObject({ alg: 'RS256' });
      expect(claims).toMatchObject({ sub: 'pb-asset-1', aud, kid: mux.signingKeyId });
      expect(claims['exp']).toBeGreaterThan(now);
      expect(claims['exp']).toBeLessThanOrEqual(now + t.config.video.playbackTtlSeconds + 5);
    }
    expect(body.posterUrl).toBe(
      `https://image.mux.com/pb-asset-1/thumbnail.webp?token=${body.thumbnailToken}`,
    );
  });

  describe('refuses webhooks it cannot trust, and changes nothing', () => {
    let lessonId: string;
    let uploadId: string;
    beforeAll(async () => ({ lessonId, uploadId } = await lessonWithUpload()));

    const cases: [string, (body: string) => Record<string, string>, string?, number?][] = [
      ['a tampered body', (body) => ({ 'mux-signature': mux.sign(body) }), 'tamper', 401],
      [
        'a wrong secret',
        (body) => ({ 'mux-signature': mux.sign(body, { secret: 'not-the-secret' }) }),
        undefined,
        401,
      ],
      [
        'a stale timestamp',
        (body) => ({ 'mux-signature': mux.sign(body, { at: new Date(Date.now() - 6 * 60_000) }) }),
        undefined,
        401,
      ],
      ['a missing header', () => ({}), undefined, 400],
      ['a malformed header', () => ({ 'mux-signature': 'v1=abc' }), undefined, 400],
    ];
    it.each(cases)('%s', async (_name, headers, tamper, status) => {
      const event = assetReady(uploadId, 'asset-x', lessonId, new Date());
      const body = JSON.stringify(event);
      const sent = tamper ? body.replace('73.4', '1.5') : body;
      const res = await webhook(sent, headers(body));
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ message: expect.any(String) });
      const stored = await t.dataSource.query('SELECT 1 FROM video_events WHERE id = $1', [
        event.id,
      ]);
      expect(stored).toHaveLength(0);
      expect((await reload(t.dataSource, { id: lessonId })).videoStatus).toBe(
        VideoStatus.WaitingForUpload,
      );
    });
  });

  it('acknowledges a replayed event and processes it once', async () => {
    const { lessonId, uploadId } = await lessonWithUpload();
    const created = assetCreated(uploadId, 'asset-r', lessonId, new Date());
    const body = JSON.stringify(created);
    const first = await webhook(body);
    expect(first.body).toEqual({ received: true, duplicate: false });
    await processed(t.dataSource, [created.id]);
    const [{ processed_at: firstProcessed }] = await t.dataSource.query(
      'SELECT processed_at FROM video_events WHERE id = $1',
      [created.id],
    );
    const again = await webhook(body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ received: true, duplicate: true });
    const rows = await t.dataSource.query('SELECT processed_at FROM video_events WHERE id = $1', [
      created.id,
    ]);
    expect(rows).toEqual([{ processed_at: firstProcessed }]);
  });

  it('ends ready when video.asset.ready arrives before video.upload.asset_created', async () => {
    const { lessonId, uploadId } = await lessonWithUpload();
    const t0 = Date.now();
    const created = assetCreated(uploadId, 'asset-o', lessonId, new Date(t0));
    const ready = assetReady(uploadId, 'asset-o', lessonId, new Date(t0 + 2000));
    await webhook(JSON.stringify(ready));
    await processed(t.dataSource, [ready.id]);
    await webhook(JSON.stringify(created));
    await processed(t.dataSource, [created.id]);
    expect(await reload(t.dataSource, { id: lessonId })).toMatchObject({
      videoStatus: VideoStatus.Ready,
      videoAssetId: 'asset-o',
      videoPlaybackId: 'pb-asset-o',
    });
  });

  it('marks the video errored when Mux cannot process it', async () => {
    const { lessonId, uploadId } = await lessonWithUpload();
    const errored = muxEvent('video.asset.errored', {
      id: 'asset-e',
      upload_id: uploadId,
      passthrough: lessonId,
      status: 'errored',
      errors: { type: 'invalid_input', messages: ['The file is not a video.'] },
    });
    await webhook(JSON.stringify(errored));
    await processed(t.dataSource, [errored.id]);
    expect(await reload(t.dataSource, { id: lessonId })).toMatchObject({
      videoStatus: VideoStatus.Errored,
      videoError: 'The file is not a video.',
    });
    expect((await admin.get(`/api/lessons/${lessonId}/playback`)).status).toBe(409);
  });

  it('ignores events of an upload the lesson has replaced', async () => {
    const { lessonId, uploadId: old } = await lessonWithUpload();
    const fresh = await admin.post<VideoUploadDto>(`/api/lessons/${lessonId}/video-upload`);
    const stale = assetReady(old, 'asset-old', lessonId, new Date());
    await webhook(JSON.stringify(stale));
    await processed(t.dataSource, [stale.id]);
    expect(await reload(t.dataSource, { id: lessonId })).toMatchObject({
      videoStatus: VideoStatus.WaitingForUpload,
      videoUploadId: fresh.body.uploadId,
    });
  });
});

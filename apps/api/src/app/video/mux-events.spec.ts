import { muxTransition, parseMuxEvent } from './mux-events';

const event = (type: string, data: Record<string, unknown>) => ({
  id: 'ev',
  type,
  created_at: '2026-11-23T12:00:00.000Z',
  data,
});

describe('Mux events', () => {
  it('refuses a body without the fields every event has', () => {
    expect(parseMuxEvent({ id: 'x', type: 'video.asset.ready' })).toBeNull();
    expect(parseMuxEvent({ ...event('t', {}), created_at: 'yesterday' })).toBeNull();
    expect(parseMuxEvent(event('video.asset.ready', {}))).not.toBeNull();
  });

  it('reads the lesson, upload, asset, signed playback id and duration of a ready asset', () => {
    const sut = muxTransition(
      event('video.asset.ready', {
        id: 'as',
        upload_id: 'up',
        passthrough: 'lesson',
        duration: 12.5,
        playback_ids: [
          { id: 'pub', policy: 'public' },
          { id: 'sig', policy: 'signed' },
        ],
      }),
    );
    expect(sut).toEqual({
      ref: { lessonId: 'lesson', uploadId: 'up', assetId: 'as' },
      transition: {
        kind: 'asset_ready',
        at: new Date('2026-11-23T12:00:00.000Z'),
        uploadId: 'up',
        assetId: 'as',
        playbackId: 'sig',
        durationSeconds: 12.5,
      },
    });
  });

  it('links an upload to its asset', () => {
    const sut = muxTransition(
      event('video.upload.asset_created', {
        id: 'up',
        asset_id: 'as',
        new_asset_settings: { passthrough: 'lesson' },
      }),
    );
    expect(sut?.ref).toEqual({ lessonId: 'lesson', uploadId: 'up', assetId: 'as' });
    expect(sut?.transition).toMatchObject({ kind: 'asset_created', uploadId: 'up', assetId: 'as' });
  });

  it('turns errors and cancellations into messages', () => {
    expect(
      muxTransition(
        event('video.asset.errored', { id: 'as', errors: { messages: ['Bad', 'file'] } }),
      )?.transition,
    ).toMatchObject({ kind: 'asset_errored', message: 'Bad file' });
    expect(muxTransition(event('video.upload.cancelled', { id: 'up' }))?.transition).toMatchObject({
      kind: 'upload_failed',
      message: 'The upload was cancelled.',
    });
  });

  it('leaves other events alone', () => {
    expect(muxTransition(event('video.asset.static_renditions.ready', { id: 'as' }))).toBeNull();
    expect(muxTransition(event('video.asset.ready', {}))).toBeNull();
  });
});

import { VideoStatus } from '@blup/contracts';
import { applyTransition, startUpload, type VideoState, type VideoTransition } from './video-state';

const at = (s: number): Date => new Date(Date.UTC(2026, 10, 23, 12, 0, s));

function waiting(uploadId = 'up-1'): VideoState {
  return { ...(startUpload(uploadId) as VideoState), durationSeconds: 120 };
}

/** Applies events in order, as the worker would. */
function run(state: VideoState, ...events: VideoTransition[]): VideoState {
  return events.reduce((s, e) => ({ ...s, ...(applyTransition(s, e) ?? {}) }), state);
}

const created = (s: number, uploadId: string | null = 'up-1'): VideoTransition => ({
  kind: 'asset_created',
  at: at(s),
  uploadId,
  assetId: 'as-1',
});
const ready = (s: number, uploadId: string | null = 'up-1'): VideoTransition => ({
  kind: 'asset_ready',
  at: at(s),
  uploadId,
  assetId: 'as-1',
  playbackId: 'pb-1',
  durationSeconds: 61.5,
});
const errored = (s: number): VideoTransition => ({
  kind: 'asset_errored',
  at: at(s),
  uploadId: 'up-1',
  assetId: 'as-1',
  message: 'Bad file',
});

describe('video state machine', () => {
  it('goes waiting → processing → ready, taking the duration from the provider', () => {
    const sut = run(waiting(), created(1), ready(2));
    expect(sut).toMatchObject({
      videoStatus: VideoStatus.Ready,
      videoAssetId: 'as-1',
      videoPlaybackId: 'pb-1',
      durationSeconds: 61.5,
      videoEventAt: at(2),
    });
  });

  it('ends ready when ready arrives before asset_created', () => {
    expect(run(waiting(), ready(2), created(1)).videoStatus).toBe(VideoStatus.Ready);
  });

  it('keeps ready terminal, even against a later error', () => {
    expect(run(waiting(), ready(2), errored(3)).videoStatus).toBe(VideoStatus.Ready);
  });

  it('never lets an older event overwrite a newer state', () => {
    const sut = run(waiting(), errored(5), created(4));
    expect(sut).toMatchObject({ videoStatus: VideoStatus.Errored, videoError: 'Bad file' });
  });

  it('ignores events of another upload', () => {
    expect(applyTransition(waiting('up-2'), ready(2, 'up-1'))).toBeNull();
  });

  it('matches events without an upload id by asset id only', () => {
    const processing = run(waiting(), created(1));
    expect(applyTransition(processing, ready(2, null))).toMatchObject({
      videoStatus: VideoStatus.Ready,
    });
    expect(applyTransition(waiting(), ready(2, null))).toBeNull();
  });

  it('keeps the author’s duration when the provider gives none', () => {
    const sut = run(waiting(), {
      ...(ready(2) as object),
      durationSeconds: null,
    } as VideoTransition);
    expect(sut.durationSeconds).toBe(120);
  });

  it('marks failed uploads errored with their message', () => {
    const sut = run(waiting(), {
      kind: 'upload_failed',
      at: at(1),
      uploadId: 'up-1',
      message: 'x',
    });
    expect(sut).toMatchObject({ videoStatus: VideoStatus.Errored, videoError: 'x' });
  });

  it('starts afresh on a new upload, from any state', () => {
    const done = run(waiting(), ready(2));
    const sut = { ...done, ...startUpload('up-2') };
    expect(sut).toMatchObject({
      videoStatus: VideoStatus.WaitingForUpload,
      videoUploadId: 'up-2',
      videoAssetId: null,
      videoPlaybackId: null,
      videoEventAt: null,
    });
    expect(run(sut, ready(1, 'up-2')).videoStatus).toBe(VideoStatus.Ready);
  });

  it('does nothing to a lesson without a video', () => {
    const none = { ...waiting(), videoStatus: VideoStatus.None };
    expect(applyTransition(none, ready(2))).toBeNull();
  });
});

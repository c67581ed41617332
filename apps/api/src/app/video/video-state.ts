import { VideoStatus } from '@blup/contracts';
import type { Lesson } from '../database/entities';

/** The part of a lesson the video state machine reads and writes. */
export type VideoState = Pick<
  Lesson,
  | 'videoStatus'
  | 'videoUploadId'
  | 'videoAssetId'
  | 'videoPlaybackId'
  | 'videoError'
  | 'videoEventAt'
  | 'durationSeconds'
>;

/**
 * What a provider reports about a lesson's video. `at` is when the provider says it happened;
 * `uploadId` names the upload it belongs to where the provider tells us (Mux sends it on asset
 * events of direct uploads), so an event of a replaced upload is recognised and ignored.
 */
export type VideoTransition =
  | { kind: 'asset_created'; at: Date; uploadId: string | null; assetId: string }
  | {
      kind: 'asset_ready';
      at: Date;
      uploadId: string | null;
      assetId: string;
      playbackId: string | null;
      durationSeconds: number | null;
    }
  | { kind: 'asset_errored'; at: Date; uploadId: string | null; assetId: string; message: string }
  | { kind: 'upload_failed'; at: Date; uploadId: string; message: string };

/** A new upload starts the lesson's video afresh: the one state that leaves `ready`. */
export function startUpload(uploadId: string): Partial<VideoState> {
  return {
    videoStatus: VideoStatus.WaitingForUpload,
    videoUploadId: uploadId,
    videoAssetId: null,
    videoPlaybackId: null,
    videoError: null,
    // Events of the new upload are compared among themselves, not with the server's clock.
    videoEventAt: null,
  };
}

/**
 * The change one provider event makes to a lesson's video, or null when it changes nothing:
 * - an event of another upload or asset than the lesson's current one;
 * - an event older than the newest one applied (events can arrive in any order);
 * - anything after `ready`, which only a new upload leaves.
 * `asset_ready` may come before `asset_created`: it carries the asset id itself.
 */
export function applyTransition(
  state: VideoState,
  event: VideoTransition,
): Partial<VideoState> | null {
  if (state.videoStatus === VideoStatus.Ready || state.videoStatus === VideoStatus.None)
    return null;
  if (!belongsToCurrentVideo(state, event)) return null;
  if (state.videoEventAt && event.at.getTime() < state.videoEventAt.getTime()) return null;
  const at = { videoEventAt: event.at };
  switch (event.kind) {
    case 'asset_created':
      if (state.videoStatus === VideoStatus.Errored) return null;
      return {
        ...at,
        videoStatus: VideoStatus.Processing,
        videoAssetId: event.assetId,
        videoError: null,
      };
    case 'asset_ready':
      return {
        ...at,
        videoStatus: VideoStatus.Ready,
        videoAssetId: event.assetId,
        videoPlaybackId: event.playbackId,
        videoError: null,
        ...(event.durationSeconds !== null && event.durationSeconds > 0
          ? { durationSeconds: event.durationSeconds }
          : {}),
      };
    case 'asset_errored':
      return {
        ...at,
        videoStatus: VideoStatus.Errored,
        videoAssetId: event.assetId,
        videoError: event.message,
      };
    case 'upload_failed':
      return { ...at, videoStatus: VideoStatus.Errored, videoError: event.message };
  }
}

function belongsToCurrentVideo(state: VideoState, event: VideoTransition): boolean {
  if (event.uploadId !== null) return event.uploadId === state.videoUploadId;
  // Without an upload id (an asset not created from a direct upload), only its asset id can tell.
  return event.kind !== 'upload_failed' && state.videoAssetId === event.assetId;
}

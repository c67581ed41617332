import type { PlaybackDto, VideoProviderName } from '@blup/contracts';
import type { Lesson } from '../database/entities';

/** A place the browser sends a video to, in resumable chunks. */
export interface CreatedUpload {
  uploadId: string;
  url: string;
}

/** The provider's part of a PlaybackDto (captions come from our own storage). */
export type PlaybackParts = Omit<PlaybackDto, 'provider' | 'captions'>;

/**
 * Where videos live: Mux, or files on this server. Chosen once by configuration; the rest of
 * the code talks to this interface only. Lessons move through their states by the same
 * transitions whichever provider reports them (see video-state.ts).
 */
export interface VideoProvider {
  readonly name: VideoProviderName;
  /** A new direct upload for the lesson's video. */
  createUpload(lesson: Lesson): Promise<CreatedUpload>;
  /** Short-lived playback for a ready video; call only after the access check. */
  playback(lesson: Lesson, ttlSeconds: number): Promise<PlaybackParts>;
  /** Removes the lesson's current video from the provider (its upload was replaced). */
  delete(lesson: Lesson): Promise<void>;
}

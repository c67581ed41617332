import type { LessonRef } from './video.queries';
import type { VideoTransition } from './video-state';

/** The parts of a Mux webhook event we read (see Mux's webhook reference). */
export interface MuxEvent {
  id: string;
  type: string;
  created_at: string;
  data: Record<string, unknown>;
}

/** The Mux events that move a lesson's video along. Others are stored and acknowledged. */
export const HANDLED_MUX_EVENTS = [
  'video.upload.asset_created',
  'video.upload.errored',
  'video.upload.cancelled',
  'video.asset.created',
  'video.asset.ready',
  'video.asset.errored',
] as const;

/** A verified event's body, checked for the fields every event has; null when it lacks one. */
export function parseMuxEvent(body: unknown): MuxEvent | null {
  if (typeof body !== 'object' || body === null) return null;
  const e = body as Partial<MuxEvent>;
  if (typeof e.id !== 'string' || !e.id || e.id.length > 128) return null;
  if (typeof e.type !== 'string' || !e.type || e.type.length > 64) return null;
  if (typeof e.created_at !== 'string' || Number.isNaN(Date.parse(e.created_at))) return null;
  if (typeof e.data !== 'object' || e.data === null) return null;
  return e as MuxEvent;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/**
 * Which lesson an event is about and what it does to its video; null for an event type we do
 * not act on, or one without the ids it should carry.
 */
export function muxTransition(
  event: MuxEvent,
): { ref: LessonRef; transition: VideoTransition } | null {
  const at = new Date(event.created_at);
  const d = event.data;
  switch (event.type) {
    case 'video.upload.asset_created': {
      const uploadId = str(d['id']);
      const assetId = str(d['asset_id']);
      if (!uploadId || !assetId) return null;
      const settings = d['new_asset_settings'] as Record<string, unknown> | undefined;
      return {
        ref: { lessonId: str(settings?.['passthrough']), uploadId, assetId },
        transition: { kind: 'asset_created', at, uploadId, assetId },
      };
    }
    case 'video.upload.errored':
    case 'video.upload.cancelled': {
      const uploadId = str(d['id']);
      if (!uploadId) return null;
      const settings = d['new_asset_settings'] as Record<string, unknown> | undefined;
      const error = d['error'] as { message?: unknown } | undefined;
      const message =
        event.type === 'video.upload.cancelled'
          ? 'The upload was cancelled.'
          : (str(error?.message) ?? 'The upload failed.');
      return {
        ref: { lessonId: str(settings?.['passthrough']), uploadId },
        transition: { kind: 'upload_failed', at, uploadId, message },
      };
    }
    case 'video.asset.created':
    case 'video.asset.ready':
    case 'video.asset.errored': {
      const assetId = str(d['id']);
      if (!assetId) return null;
      const uploadId = str(d['upload_id']);
      const ref = { lessonId: str(d['passthrough']), uploadId, assetId };
      if (event.type === 'video.asset.created') {
        return { ref, transition: { kind: 'asset_created', at, uploadId, assetId } };
      }
      if (event.type === 'video.asset.errored') {
        const errors = d['errors'] as { messages?: unknown } | undefined;
        const messages = Array.isArray(errors?.messages)
          ? errors.messages.filter((m): m is string => typeof m === 'string')
          : [];
        const message = messages.length ? messages.join(' ') : 'Mux could not process the video.';
        return { ref, transition: { kind: 'asset_errored', at, uploadId, assetId, message } };
      }
      const playbackIds = Array.isArray(d['playback_ids'])
        ? (d['playback_ids'] as { id?: unknown; policy?: unknown }[])
        : [];
      const signed = playbackIds.find((p) => p.policy === 'signed') ?? playbackIds[0];
      const duration = typeof d['duration'] === 'number' ? d['duration'] : null;
      return {
        ref,
        transition: {
          kind: 'asset_ready',
          at,
          uploadId,
          assetId,
          playbackId: str(signed?.id),
          durationSeconds: duration,
        },
      };
    }
    default:
      return null;
  }
}

import { HEARTBEAT_INTERVAL_SECONDS, type HeartbeatRequest } from '@blup/contracts';

/**
 * The longest step between two `timeupdate`s that always counts as playing on. Browsers report
 * every 250 ms or so; a bigger forward jump counts only if that much time really passed (a busy
 * phone can report late), at up to MAX_PLAYBACK_RATE; anything faster is a seek, not watched.
 */
export const MAX_PLAY_STEP_SECONDS = 2;
export const MAX_PLAYBACK_RATE = 2;

export type HeartbeatEvent = HeartbeatRequest['event'];
/** `leaving`: the page is being hidden or unloaded, so the request must outlive it. */
export type HeartbeatSend = (request: HeartbeatRequest, leaving: boolean) => void;

export interface HeartbeatTrackerOptions {
  intervalSeconds?: number;
  /**
   * A stretch this long is sent at once, even if the timer is late (browsers slow timers down
   * in background tabs), so no heartbeat claims more than the API accepts. Default: 2 intervals.
   */
  maxStretchSeconds?: number;
  /** The video's length, when known: positions are kept within it. */
  durationSeconds?: () => number | null;
  /** The wall clock, in milliseconds (tests pass a fake one). */
  now?: () => number;
}

/**
 * Records the stretch of video actually played since the last heartbeat and reports it.
 * Feed it the player's events; it sends a `tick` every interval while playing, and `pause`
 * and `ended` at once. A seek closes the current stretch (sent straight away) and starts a new
 * one where the playhead lands, so jumped-over seconds are never reported as watched.
 */
export class HeartbeatTracker {
  private readonly intervalMs: number;
  private readonly maxStretch: number;
  /** Start of the stretch being played, or null while none is open. */
  private from: number | null = null;
  /** Last position seen while playing, and when (wall clock, ms). */
  private position = 0;
  private positionAt = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly send: HeartbeatSend,
    private readonly options: HeartbeatTrackerOptions = {},
  ) {
    const interval = options.intervalSeconds ?? HEARTBEAT_INTERVAL_SECONDS;
    this.intervalMs = interval * 1000;
    this.maxStretch = options.maxStretchSeconds ?? 2 * interval;
  }

  get playing(): boolean {
    return this.timer !== null;
  }

  /** Playback started or resumed at `position`. */
  play(position: number): void {
    this.moveTo(position);
    this.from ??= this.position;
    if (!this.timer) this.timer = setInterval(() => this.flush('tick'), this.intervalMs);
  }

  /** The playhead moved (`timeupdate`). Small forward steps extend the stretch; jumps start anew. */
  time(position: number): void {
    const now = this.clamp(position);
    const step = now - this.position;
    const elapsed = (this.clock() - this.positionAt) / 1000;
    const longestStep = Math.max(MAX_PLAY_STEP_SECONDS, elapsed * MAX_PLAYBACK_RATE + 0.5);
    if (this.from === null || step < 0 || step > longestStep) {
      this.closeStretch();
      this.from = this.playing ? now : null;
    }
    this.moveTo(now);
    if (this.from !== null && now - this.from >= this.maxStretch) this.flush('tick');
  }

  /** A seek began: what was played so far is reported, and nothing counts until playback goes on. */
  seeking(): void {
    this.closeStretch();
    this.from = null;
  }

  /** The playhead landed after a seek. */
  seeked(position: number): void {
    this.moveTo(position);
    if (this.playing) this.from = this.position;
  }

  pause(position: number): void {
    this.time(position);
    this.stop();
    this.flush('pause', true);
    this.from = null;
  }

  ended(position: number): void {
    this.time(position);
    this.stop();
    this.flush('ended', true);
    this.from = null;
  }

  /** The page is hidden or going away: report now, in a way that survives the page. */
  leave(): void {
    if (this.from === null && !this.playing) return;
    this.flush('pause', true, true);
  }

  /** Stops the timer without reporting (the component is destroyed after `leave`). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private closeStretch(): void {
    if (this.from !== null && this.position > this.from) this.flush('tick');
  }

  /** Sends the open stretch and starts the next one where it ended. */
  private flush(event: HeartbeatEvent, always = false, leaving = false): void {
    const from = this.from ?? this.position;
    const to = Math.max(from, this.position);
    if (to <= from && !always) return;
    this.send(
      {
        fromSeconds: round(from),
        toSeconds: round(to),
        positionSeconds: round(this.position),
        event,
      },
      leaving,
    );
    this.from = this.from === null ? null : to;
  }

  private moveTo(position: number): void {
    this.position = this.clamp(position);
    this.positionAt = this.clock();
  }

  private clock(): number {
    return (this.options.now ?? Date.now)();
  }

  private clamp(position: number): number {
    const safe = Number.isFinite(position) && position > 0 ? position : 0;
    const duration = this.options.durationSeconds?.();
    return duration && Number.isFinite(duration) && duration > 0 ? Math.min(safe, duration) : safe;
  }
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}

/** The parts of a media element the tracker listens to; `<video>` and `<mux-player>` both have them. */
export interface MediaLike extends EventTarget {
  readonly currentTime: number;
  readonly duration: number;
}

/**
 * Connects a media element to a tracker, and the page's hide and unload to `leave()`.
 * Returns a function that undoes it all.
 */
export function trackMedia(
  media: MediaLike,
  tracker: HeartbeatTracker,
  win: Window = window,
): () => void {
  const at = () => media.currentTime;
  const listeners: [EventTarget, string, () => void][] = [
    [media, 'playing', () => tracker.play(at())],
    [media, 'timeupdate', () => tracker.time(at())],
    [media, 'seeking', () => tracker.seeking()],
    [media, 'seeked', () => tracker.seeked(at())],
    [media, 'pause', () => tracker.pause(at())],
    [media, 'ended', () => tracker.ended(at())],
    [win, 'pagehide', () => tracker.leave()],
    [
      win.document,
      'visibilitychange',
      () => {
        if (win.document.visibilityState === 'hidden') tracker.leave();
      },
    ],
  ];
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener);
  return () => {
    for (const [target, type, listener] of listeners) target.removeEventListener(type, listener);
    tracker.stop();
  };
}

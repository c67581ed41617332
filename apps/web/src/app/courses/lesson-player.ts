import {
  CUSTOM_ELEMENTS_SCHEMA,
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { HeartbeatRequest, LessonProgressDto, PlaybackDto } from '@blup/contracts';
import { catchError, concatMap, EMPTY, Subject } from 'rxjs';
import {
  CoursesApi,
  HeartbeatTracker,
  type MediaLike,
  TranslatePipe,
  trackMedia,
} from '@blup/web/core';

/**
 * Plays a lesson's video: Mux Player for Mux (loaded only here, when needed), a plain
 * `<video>` with Danish captions for the local provider. Mux Data tracking and its cookies are off:
 * the app makes no requests beyond our API and Mux's own video and image hosts. Both are media elements, so one
 * `HeartbeatTracker` reports what was actually watched, whichever plays.
 */
@Component({
  selector: 'blup-lesson-player',
  imports: [MatProgressBar, TranslatePipe],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let p = playback();
    @if (p.provider === 'mux') {
      @if (muxLoaded()) {
        <mux-player
          #media
          stream-type="on-demand"
          disable-tracking
          disable-cookies
          [attr.playback-id]="p.playbackId"
          [attr.playback-token]="p.token"
          [attr.thumbnail-token]="p.thumbnailToken"
          [attr.start-time]="startAt() || null"
          [attr.metadata-video-title]="title()"
          [attr.title]="'courses.player' | t: { title: title() }"
        ></mux-player>
      } @else {
        <div class="placeholder">
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
        </div>
      }
    } @else {
      <video
        #media
        controls
        preload="metadata"
        playsinline
        data-testid="video"
        [src]="p.src"
        [attr.poster]="p.posterUrl"
        [attr.aria-label]="'courses.player' | t: { title: title() }"
      >
        @for (track of p.captions; track track.url) {
          <track
            kind="captions"
            [attr.srclang]="track.language"
            [attr.label]="track.label"
            [src]="track.url"
            [attr.default]="track.language === 'da' ? '' : null"
          />
        }
      </video>
    }
  `,
  styles: `
    :host {
      display: block;
      border-radius: var(--mat-sys-corner-medium);
      overflow: hidden;
      background: var(--mat-sys-inverse-surface);
    }
    video,
    mux-player,
    .placeholder {
      display: block;
      inline-size: 100%;
      aspect-ratio: 16 / 9;
    }
    .placeholder {
      display: flex;
      align-items: flex-end;
    }
  `,
})
export class LessonPlayer {
  private readonly api = inject(CoursesApi);

  readonly lessonId = input.required<string>();
  readonly playback = input.required<PlaybackDto>();
  readonly title = input.required<string>();
  /** Resume here, in seconds. */
  readonly startAt = input(0);
  /** The server's answer to each heartbeat. */
  readonly reported = output<LessonProgressDto>();

  protected readonly muxLoaded = signal(false);
  private readonly media = viewChild<ElementRef<HTMLElement & MediaLike>>('media');

  constructor() {
    effect(() => {
      if (this.playback().provider !== 'mux' || this.muxLoaded()) return;
      void import('@mux/mux-player').then(() => this.muxLoaded.set(true));
    });
    effect((onCleanup) => {
      const element = this.media()?.nativeElement;
      if (!element) return;
      const lessonId = this.lessonId();
      // One heartbeat at a time, in order: the answer shown is then always the newest state
      // (a tick still in flight when `ended` is sent would otherwise land after it).
      const heartbeats = new Subject<HeartbeatRequest>();
      heartbeats
        .pipe(
          concatMap((request) =>
            // A missed heartbeat is made up by the next one.
            this.api.heartbeat(lessonId, request).pipe(catchError(() => EMPTY)),
          ),
        )
        .subscribe((progress) => this.reported.emit(progress));
      const tracker = new HeartbeatTracker(
        (request, leaving) => {
          if (leaving) this.api.heartbeatOnLeave(lessonId, request);
          else heartbeats.next(request);
        },
        { durationSeconds: () => element.duration },
      );
      const detach = trackMedia(element, tracker);
      const start = untracked(this.startAt);
      const resume = () => {
        if (start > 0 && element instanceof HTMLVideoElement) element.currentTime = start;
      };
      if (untracked(this.playback).provider === 'local')
        element.addEventListener('loadedmetadata', resume, { once: true });
      onCleanup(() => {
        tracker.leave();
        // Heartbeats already queued are still sent; nothing new is added.
        heartbeats.complete();
        detach();
        element.removeEventListener('loadedmetadata', resume);
      });
    });
  }
}

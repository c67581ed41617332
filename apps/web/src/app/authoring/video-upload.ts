import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  ApiError,
  ChunkUploadError,
  CoursesApi,
  I18nService,
  TranslatePipe,
  csrfHeadersFor,
  uploadInChunks,
} from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { firstValueFrom } from 'rxjs';
import { ApiErrorMessage } from '../shared/api-error-message';

/**
 * Picks a video and sends it straight to the upload URL the API hands out (Mux, or the API's
 * own endpoint) in resumable chunks, with a progress bar; a failed chunk is tried again.
 */
@Component({
  selector: 'blup-video-upload',
  imports: [MatButton, MatProgressBar, Icon, ApiErrorMessage, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <input
      #picker
      hidden
      type="file"
      accept="video/*"
      data-testid="video-file"
      (change)="start(picker)"
    />
    @if (percent() === null) {
      <button matButton="filled" type="button" data-testid="upload-video" (click)="picker.click()">
        <blup-icon matButtonIcon name="upload" />
        {{ 'authoring.chooseVideo' | t }}
      </button>
    } @else {
      <mat-progress-bar
        mode="determinate"
        data-testid="upload-progress"
        [value]="percent()"
        [attr.aria-label]="'authoring.uploading' | t: { percent: percent() }"
      />
      <p class="status" aria-live="polite">
        {{ 'authoring.uploading' | t: { percent: percent() } }}
      </p>
      @if (retry(); as attempt) {
        <p class="status">{{ 'authoring.retrying' | t: { attempt } }}</p>
      }
      <button matButton="outlined" type="button" (click)="cancel()">
        {{ 'authoring.cancelUpload' | t }}
      </button>
    }
    <blup-api-error [error]="error()" />
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 8px;
    }
    mat-progress-bar {
      inline-size: 100%;
    }
    .status {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class VideoUpload {
  private readonly api = inject(CoursesApi);
  private readonly i18n = inject(I18nService);

  readonly lessonId = input.required<string>();
  /** The whole file has arrived; the video now goes through processing. */
  readonly uploaded = output<void>();

  /** 0–100 while uploading, null otherwise. */
  protected readonly percent = signal<number | null>(null);
  protected readonly retry = signal<number | null>(null);
  protected readonly error = signal<unknown>(null);
  private controller: AbortController | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.controller?.abort());
  }

  protected async start(picker: HTMLInputElement): Promise<void> {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file) return;
    this.error.set(null);
    this.retry.set(null);
    this.percent.set(0);
    this.controller = new AbortController();
    try {
      const upload = await firstValueFrom(this.api.createVideoUpload(this.lessonId()));
      await uploadInChunks({
        url: upload.url,
        file,
        headers: csrfHeadersFor(upload.url),
        signal: this.controller.signal,
        onProgress: (fraction) => this.percent.set(Math.floor(fraction * 100)),
        onRetry: (attempt) => this.retry.set(attempt),
      });
      this.uploaded.emit();
    } catch (error) {
      if (!this.controller?.signal.aborted) this.error.set(this.explain(error));
    } finally {
      this.percent.set(null);
      this.retry.set(null);
      this.controller = null;
    }
  }

  /** The API's own words where there are some (e.g. a 413 from the local endpoint). */
  private explain(error: unknown): Error {
    if (error instanceof ApiError) return error;
    if (error instanceof ChunkUploadError && error.body) {
      try {
        const body: unknown = JSON.parse(error.body);
        if (
          body &&
          typeof body === 'object' &&
          'message' in body &&
          typeof body.message === 'string'
        )
          return new Error(body.message);
      } catch {
        // not JSON: fall through to the general message
      }
    }
    return new Error(this.i18n.t('authoring.uploadFailed'));
  }

  protected cancel(): void {
    this.controller?.abort();
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  type OnDestroy,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { TranslatePipe } from '@blup/web/core';
import { Icon } from '@blup/web/ui';

/** The part of the Barcode Detection API this page uses (not in TypeScript's DOM types yet). */
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorClass = new (options: { formats: string[] }) => BarcodeDetectorLike;

function detectorClass(): BarcodeDetectorClass | null {
  const ctor = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  return typeof ctor === 'function' && !!navigator.mediaDevices?.getUserMedia ? ctor : null;
}

/**
 * "Scan QR-kode" with the phone's back camera, where the browser has `BarcodeDetector` (Chrome
 * on Android; not Safari or Firefox): hidden where it does not. Emits the first code it reads and
 * closes the camera.
 */
@Component({
  selector: 'blup-qr-scanner',
  imports: [MatButton, Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (supported) {
      @if (scanning()) {
        <video
          #video
          class="video"
          muted
          playsinline
          [attr.aria-label]="'gatherings.cameraVideo' | t"
        ></video>
        <button matButton="outlined" type="button" class="big" (click)="stop()">
          {{ 'gatherings.stopScan' | t }}
        </button>
      } @else {
        <button matButton="filled" type="button" class="big" data-testid="scan" (click)="start()">
          <blup-icon matButtonIcon name="grid" />
          {{ 'gatherings.scan' | t }}
        </button>
      }
      @if (failed()) {
        <p class="problem" role="alert">{{ 'gatherings.cameraFailed' | t }}</p>
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .video {
      inline-size: 100%;
      max-block-size: 60vh;
      border-radius: var(--mat-sys-corner-medium);
      background: #000;
    }
    .big {
      min-block-size: 56px;
      font: var(--mat-sys-title-medium);
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
})
export class QrScanner implements OnDestroy {
  private readonly video = viewChild<ElementRef<HTMLVideoElement>>('video');
  private readonly Detector = detectorClass();
  private stream: MediaStream | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  readonly scanned = output<string>();
  protected readonly supported = this.Detector !== null;
  protected readonly scanning = signal(false);
  protected readonly failed = signal(false);

  protected async start(): Promise<void> {
    if (!this.Detector) return;
    this.failed.set(false);
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
        audio: false,
      });
      this.scanning.set(true);
      await new Promise((resolve) => setTimeout(resolve));
      const video = this.video()?.nativeElement;
      if (!video) throw new Error('no video');
      video.srcObject = this.stream;
      await video.play();
      this.look(new this.Detector({ formats: ['qr_code'] }), video);
    } catch {
      this.stop();
      this.failed.set(true);
    }
  }

  private look(detector: BarcodeDetectorLike, video: HTMLVideoElement): void {
    this.timer = setTimeout(async () => {
      if (!this.scanning()) return;
      const found = await detector.detect(video).catch(() => []);
      const value = found[0]?.rawValue;
      if (value) {
        this.stop();
        this.scanned.emit(value);
      } else {
        this.look(detector, video);
      }
    }, 250);
  }

  protected stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = null;
    this.scanning.set(false);
  }

  ngOnDestroy(): void {
    this.stop();
  }
}

import { ChangeDetectionStrategy, Component, effect, input, signal } from '@angular/core';

/** The SVG path of a QR code's dark modules, with a 4-module quiet zone; `size` is the side. */
export interface QrPath {
  d: string;
  size: number;
}

/** Loads the QR encoder only when a code is shown, so no page pays for it up front. */
export async function qrPath(text: string): Promise<QrPath> {
  const mod = await import('qrcode');
  // A CommonJS module: the bundle gives its exports as the default export.
  const create = mod.create ?? (mod as unknown as { default: typeof mod }).default.create;
  const modules = create(text, { errorCorrectionLevel: 'M' }).modules;
  let d = '';
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
    }
  }
  return { d, size: modules.size + 8 };
}

/** A QR code of `value`, drawn as one SVG path (sharp at any size, prints well). */
@Component({
  selector: 'blup-qr-code',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (path(); as p) {
      <svg
        role="img"
        [attr.aria-label]="label()"
        [attr.viewBox]="'0 0 ' + p.size + ' ' + p.size"
        shape-rendering="crispEdges"
      >
        <rect [attr.width]="p.size" [attr.height]="p.size" fill="#fff" />
        <path [attr.d]="p.d" fill="#000" />
      </svg>
    }
  `,
  styles: `
    :host {
      display: block;
      inline-size: min(100%, 240px);
      aspect-ratio: 1;
    }
    svg {
      display: block;
      inline-size: 100%;
      block-size: 100%;
    }
  `,
})
export class QrCode {
  readonly value = input.required<string>();
  readonly label = input.required<string>();
  protected readonly path = signal<QrPath | null>(null);

  constructor() {
    effect(() => {
      const value = this.value();
      void qrPath(value).then(
        (p) => this.value() === value && this.path.set(p),
        () => this.path.set(null),
      );
    });
  }
}

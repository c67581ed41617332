import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  effect,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { DomSanitizer } from '@angular/platform-browser';

/** How wide the frame is: a desktop mail client (600 px), a phone (360 px), or the page's width. */
export type PreviewWidth = 'desktop' | 'phone' | 'fluid';

const WIDTHS: Record<PreviewWidth, string> = { desktop: '600px', phone: '360px', fluid: '100%' };

/** Links open in a new tab instead of inside the frame. */
function withBase(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (head) => head + base)
    : base + html;
}

/**
 * Shows a rendered newsletter (a whole HTML document) in a sandboxed iframe through `srcdoc`.
 * The sandbox lets no script run; it keeps the same origin only so the frame can be made as
 * tall as the letter (no inner scroll bar), and lets links open in a new tab.
 */
@Component({
  selector: 'blup-newsletter-frame',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="scroller" [class.fluid]="width() === 'fluid'">
      <iframe
        #frame
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        referrerpolicy="no-referrer"
        data-testid="newsletter-frame"
        [attr.data-width]="width()"
        [title]="frameTitle()"
        [style.inline-size]="cssWidth()"
        [srcdoc]="doc()"
        (load)="fit()"
      ></iframe>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .scroller {
      overflow-x: auto;
      padding: 8px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container);
    }
    .scroller.fluid {
      padding: 0;
      background: none;
    }
    iframe {
      display: block;
      margin-inline: auto;
      min-block-size: 200px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: #fff;
    }
    .fluid iframe {
      border: none;
    }
    /* On a phone the phone preview is the screen's own width. */
    iframe[data-width='phone'] {
      max-inline-size: 100%;
    }
  `,
})
export class NewsletterFrame {
  private readonly sanitizer = inject(DomSanitizer);

  /** The whole mail document, as the API rendered (and sanitised) it. */
  readonly html = input.required<string>();
  readonly width = input<PreviewWidth>('fluid');
  /** Names the frame for screen readers. */
  readonly frameTitle = input.required<string>();

  private readonly frame = viewChild.required<ElementRef<HTMLIFrameElement>>('frame');
  protected readonly cssWidth = computed(() => WIDTHS[this.width()]);
  // The API sanitised this HTML, and the sandbox lets no script in it run.
  protected readonly doc = computed(() =>
    this.sanitizer.bypassSecurityTrustHtml(withBase(this.html())),
  );

  constructor() {
    // A new width re-flows the letter: measure it again once the browser has laid it out.
    effect(() => {
      this.width();
      requestAnimationFrame(() => this.fit());
    });
  }

  /** Makes the frame exactly as tall as the letter inside it. */
  protected fit(): void {
    const frame = this.frame().nativeElement;
    const root = frame.contentDocument?.documentElement;
    if (!root) return;
    frame.style.blockSize = '1px';
    frame.style.blockSize = `${Math.max(root.scrollHeight, 200) + 2}px`;
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  PendingTasks,
  ViewContainerRef,
  computed,
  effect,
  inject,
  viewChild,
} from '@angular/core';
import { RouterLink, RouterOutlet } from '@angular/router';
import { AuthStore, I18nService, TranslatePipe } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { loadSignedInFrame } from './shell/load-signed-in-frame';
import { ShellMenu } from './shell/shell-menu';
import { SiteFooter } from './shell/site-footer';

/**
 * The frame around every page: app bar, language switch, and the role's menu once signed in.
 * The bar is plain HTML styled with the theme's tokens, and the signed-in menu (Angular Material's
 * sidenav) is fetched once someone is signed in, so the first bundle stays small on a weak
 * connection. (A dynamic import rather than `@defer`, which would add its runtime to that bundle.)
 */
@Component({
  selector: 'blup-root',
  imports: [RouterOutlet, RouterLink, Icon, TranslatePipe, SiteFooter],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip-link" href="#main" (click)="skipToContent($event)">{{
      'app.skipToContent' | t
    }}</a>

    <header class="bar">
      <div class="toolbar">
        @if (auth.signedIn()) {
          <button
            type="button"
            class="bar-button menu-button"
            data-testid="menu-button"
            [attr.aria-label]="'app.menu' | t"
            [attr.aria-expanded]="menu.opened()"
            aria-controls="main-menu"
            (click)="toggleMenu()"
          >
            <blup-icon name="menu" />
          </button>
        }
        <a class="brand" routerLink="/" data-testid="brand">{{ 'app.name' | t }}</a>
        <span class="spacer"></span>
        <button
          type="button"
          class="bar-button language"
          data-testid="language-switch"
          [attr.lang]="otherLocale()"
          [attr.aria-label]="'language.switchLabel' | t"
          (click)="switchLanguage()"
        >
          <blup-icon name="language" />
          {{ 'language.switch' | t }}
        </button>
      </div>
    </header>

    @if (auth.signedIn()) {
      <ng-container #frame />
    } @else {
      <div class="page">
        <main id="main" class="app-main" tabindex="-1">
          <router-outlet />
        </main>
      </div>
      <blup-site-footer />
    }
  `,
  styleUrl: './app.scss',
})
export class App {
  protected readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);
  private readonly document = inject(DOCUMENT);
  protected readonly menu = inject(ShellMenu);
  private readonly frame = viewChild('frame', { read: ViewContainerRef });

  constructor() {
    const pendingTasks = inject(PendingTasks);
    effect(() => {
      const host = this.frame();
      if (!host) return;
      const loaded = pendingTasks.add(); // the app is not stable until the frame shows
      void loadSignedInFrame()
        .then(({ SignedInFrame }) => {
          if (this.frame() === host && host.length === 0) host.createComponent(SignedInFrame);
        })
        .finally(loaded);
    });
  }

  /** The language the switch offers: the one not in use. */
  protected readonly otherLocale = computed(() => (this.i18n.locale() === 'da' ? 'en' : 'da'));

  protected switchLanguage(): void {
    this.i18n.setLocale(this.otherLocale());
  }

  protected toggleMenu(): void {
    this.menu.toggle();
  }

  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.document.getElementById('main')?.focus();
  }
}

import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthStore, I18nService, TranslatePipe, roleKey } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { map } from 'rxjs';
import { navFor } from './shell/nav';

/** The frame around every page: app bar, language switch, and the role's menu once signed in. */
@Component({
  selector: 'blup-root',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbar,
    MatButton,
    MatIconButton,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    Icon,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip-link" href="#main" (click)="skipToContent($event, main)">{{
      'app.skipToContent' | t
    }}</a>

    <header class="bar">
      <mat-toolbar>
        @if (auth.signedIn()) {
          <button
            matIconButton
            type="button"
            class="menu-button"
            data-testid="menu-button"
            [attr.aria-label]="'app.menu' | t"
            [attr.aria-expanded]="sidenav.opened"
            aria-controls="main-menu"
            (click)="toggleMenu()"
          >
            <blup-icon name="menu" />
          </button>
        }
        <a class="brand" routerLink="/" data-testid="brand">{{ 'app.name' | t }}</a>
        <span class="spacer"></span>
        <button
          matButton
          type="button"
          class="language"
          data-testid="language-switch"
          [attr.lang]="otherLocale()"
          [attr.aria-label]="'language.switchLabel' | t"
          (click)="switchLanguage()"
        >
          <blup-icon matButtonIcon name="language" />
          {{ 'language.switch' | t }}
        </button>
      </mat-toolbar>
    </header>

    <mat-sidenav-container class="container">
      <mat-sidenav
        #sidenav
        id="main-menu"
        class="sidenav"
        [mode]="wide() ? 'side' : 'over'"
        [opened]="wide() && auth.signedIn()"
      >
        @if (auth.user(); as user) {
          <nav [attr.aria-label]="'app.mainMenu' | t">
            <ul class="nav">
              @for (item of items(); track item.id) {
                <li>
                  <a
                    class="nav-item"
                    [routerLink]="item.link"
                    routerLinkActive="active"
                    ariaCurrentWhenActive="page"
                    [routerLinkActiveOptions]="{ exact: item.link === '/' }"
                    [attr.data-testid]="'nav-' + item.id"
                    (click)="closeOnPhone()"
                  >
                    <blup-icon [name]="item.icon" />
                    {{ item.label | t }}
                  </a>
                </li>
              }
            </ul>
            <div class="who">
              <p class="who-name" data-testid="current-user">{{ user.name }}</p>
              <p class="who-role">{{ roleKey(user.role) | t }}</p>
            </div>
            <button
              class="nav-item sign-out"
              type="button"
              data-testid="sign-out"
              (click)="signOut()"
            >
              <blup-icon name="logout" />
              {{ 'nav.signOut' | t }}
            </button>
          </nav>
        }
      </mat-sidenav>
      <mat-sidenav-content>
        <main id="main" #main tabindex="-1">
          <router-outlet />
        </main>
      </mat-sidenav-content>
    </mat-sidenav-container>
  `,
  styleUrl: './app.scss',
})
export class App {
  protected readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);
  private readonly sidenav = viewChild(MatSidenav);
  protected readonly roleKey = roleKey;

  protected readonly wide = toSignal(
    inject(BreakpointObserver)
      .observe('(min-width: 960px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly items = computed(() => {
    const user = this.auth.user();
    return user ? navFor(user) : [];
  });
  /** The language the switch offers: the one not in use. */
  protected readonly otherLocale = computed(() => (this.i18n.locale() === 'da' ? 'en' : 'da'));

  protected switchLanguage(): void {
    this.i18n.setLocale(this.otherLocale());
  }

  protected toggleMenu(): void {
    void this.sidenav()?.toggle();
  }

  protected closeOnPhone(): void {
    if (!this.wide()) void this.sidenav()?.close();
  }

  protected signOut(): void {
    this.closeOnPhone();
    this.auth.signOut();
  }

  protected skipToContent(event: Event, main: HTMLElement): void {
    event.preventDefault();
    main.focus();
  }
}

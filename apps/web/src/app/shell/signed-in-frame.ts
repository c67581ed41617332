import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  PendingTasks,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthStore, TranslatePipe, canAskHotline, roleKey } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { filter, map } from 'rxjs';
import { navFor } from './nav';
import { ShellMenu } from './shell-menu';
import { SiteFooter } from './site-footer';

/**
 * The signed-in frame: the role's menu beside (wide screens) or over (phones) the page.
 * Loaded with `@defer` once someone is signed in, so the sign-in page's first bundle carries no
 * Angular Material; the app bar's menu button drives it through `ShellMenu`.
 */
@Component({
  selector: 'blup-signed-in-frame',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    Icon,
    TranslatePipe,
    SiteFooter,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-sidenav-container class="container">
      <mat-sidenav
        id="main-menu"
        class="sidenav"
        [mode]="wide() ? 'side' : 'over'"
        [opened]="wide() && auth.signedIn()"
        (openedChange)="menu.opened.set($event)"
      >
        @if (linksShown() && auth.user(); as user) {
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
      <mat-sidenav-content class="content">
        <main id="main" class="app-main" [class.with-ask]="showAsk()" tabindex="-1">
          <router-outlet />
        </main>
        @if (showAsk()) {
          <!-- A landmark of its own, so that it is not content outside every region. -->
          <aside [attr.aria-label]="'nav.ask' | t">
            <a
              class="ask"
              routerLink="/hjaelp/spoerg"
              [queryParams]="{ fra: page() }"
              data-testid="hotline-ask-button"
            >
              <blup-icon name="help" />
              {{ 'nav.ask' | t }}
            </a>
          </aside>
        }
        <blup-site-footer />
      </mat-sidenav-content>
    </mat-sidenav-container>
  `,
  styleUrl: './signed-in-frame.scss',
  host: { class: 'frame' },
})
export class SignedInFrame {
  protected readonly auth = inject(AuthStore);
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
  protected readonly menu = inject(ShellMenu);
  private readonly router = inject(Router);
  /** The page shown (its path, without query or fragment): sent with a question. */
  protected readonly page = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => pathOf(this.router.url)),
    ),
    { initialValue: pathOf(this.router.url) },
  );
  /** "Ask the secretariat" on every page, for those who ask, but not on the ask form itself. */
  protected readonly showAsk = computed(
    () => canAskHotline(this.auth.user()) && !this.page().startsWith('/hjaelp/spoerg'),
  );
  private readonly sidenav = viewChild.required(MatSidenav);
  /**
   * The menu's links are made in a task of their own just after the page shows (or at once when
   * the menu is opened before that): one long task on a phone's first load becomes two shorter.
   */
  protected readonly linksShown = signal(false);

  constructor() {
    const destroyRef = inject(DestroyRef);
    const pendingTasks = inject(PendingTasks);
    // Once the sidenav is there: a press of the menu button may already be waiting.
    afterNextRender(() => {
      const detach = this.menu.attach(() => {
        this.linksShown.set(true); // made before the sidenav opens and takes the focus
        void this.sidenav().toggle();
      });
      destroyRef.onDestroy(detach);
      const shown = pendingTasks.add(); // the app is not stable until the links are there
      const timer = setTimeout(() => {
        this.linksShown.set(true);
        shown();
      });
      destroyRef.onDestroy(() => {
        clearTimeout(timer);
        shown();
      });
    });
  }

  protected closeOnPhone(): void {
    if (!this.wide()) void this.sidenav().close();
  }

  protected signOut(): void {
    this.closeOnPhone();
    this.auth.signOut();
  }
}

function pathOf(url: string): string {
  return url.split(/[?#]/)[0] || '/';
}

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@blup/web/core';

/**
 * The footer on every page (the page's `contentinfo` landmark): the privacy notice and the
 * accessibility statement, which Digitaliseringsstyrelsen asks to find in every footer.
 * Plain links, no Angular Material: it is part of the first bundle.
 */
@Component({
  selector: 'blup-site-footer',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <footer class="footer" data-testid="site-footer">
      <nav [attr.aria-label]="'footer.label' | t">
        <ul>
          <li>
            <a routerLink="/privatliv" data-testid="footer-privacy">{{ 'footer.privacy' | t }}</a>
          </li>
          <li>
            <a routerLink="/tilgaengelighed" data-testid="footer-accessibility">{{
              'footer.accessibility' | t
            }}</a>
          </li>
        </ul>
      </nav>
    </footer>
  `,
  styles: `
    :host {
      display: block;
      border-block-start: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
    }
    .footer {
      padding: 8px 16px;
      font: var(--mat-sys-body-medium);
    }
    ul {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 0 16px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    a {
      display: inline-flex;
      align-items: center;
      min-block-size: 48px;
      padding-inline: 8px;
      color: var(--mat-sys-on-surface);
    }
  `,
})
export class SiteFooter {}

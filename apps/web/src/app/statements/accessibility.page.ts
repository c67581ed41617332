import { ChangeDetectionStrategy, Component } from '@angular/core';
import { LocalDatePipe, TranslatePipe, type TranslationKey } from '@blup/web/core';
import {
  ACCESSIBILITY_CHECKS,
  type AccessibilityCheck,
  type CheckArea,
  type CheckWidth,
  LAST_REVIEWED,
} from './accessibility-checks';
import { StatementContact } from './contact-section';
import { DIGST_COMPLAINT_URL } from './contact';
import { STATEMENT_STYLES } from './statement.styles';

interface CheckedRoute {
  route: string;
  widths: CheckWidth[];
  checks: number;
}

interface CheckedArea {
  area: CheckArea;
  label: TranslationKey;
  routes: CheckedRoute[];
}

const WIDTH_ORDER: readonly CheckWidth[] = ['phone', 'desktop'];

/** The checks by area (in the list's order), each page address once with all its sizes. */
export function checkedAreas(checks: readonly AccessibilityCheck[]): CheckedArea[] {
  const areas = new Map<CheckArea, Map<string, CheckedRoute>>();
  for (const check of checks) {
    const routes = areas.get(check.area) ?? new Map<string, CheckedRoute>();
    const entry = routes.get(check.route) ?? { route: check.route, widths: [], checks: 0 };
    entry.checks++;
    entry.widths = WIDTH_ORDER.filter((w) => entry.widths.includes(w) || check.widths.includes(w));
    routes.set(check.route, entry);
    areas.set(check.area, routes);
  }
  return [...areas].map(([area, routes]) => ({
    area,
    label: `statements.accessibility.areas.${area}` as TranslationKey,
    routes: [...routes.values()],
  }));
}

/**
 * `/tilgaengelighed`, the accessibility statement in the structure of Digitaliseringsstyrelsen's
 * model: compliance status (WCAG 2.1 AA), known problems, how it was checked (the browser tests'
 * axe runs, listed from accessibility-checks.ts), feedback and the complaint route.
 */
@Component({
  selector: 'blup-accessibility-page',
  imports: [StatementContact, TranslatePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="statement" data-testid="accessibility-statement">
      <h1 data-testid="page-title">{{ 'statements.accessibility.title' | t }}</h1>
      <p class="lead">{{ 'statements.accessibility.intro' | t }}</p>

      <section aria-labelledby="status-heading">
        <h2 id="status-heading">{{ 'statements.accessibility.statusHeading' | t }}</h2>
        <p>{{ 'statements.accessibility.status' | t }}</p>
      </section>

      <section aria-labelledby="problems-heading">
        <h2 id="problems-heading">{{ 'statements.accessibility.problemsHeading' | t }}</h2>
        <ul class="points">
          <li>{{ 'statements.accessibility.problemLetter' | t }}</li>
          <li>{{ 'statements.accessibility.problemUploads' | t }}</li>
          <li>{{ 'statements.accessibility.problemVideos' | t }}</li>
          <li>{{ 'statements.accessibility.problemManual' | t }}</li>
        </ul>
      </section>

      <section aria-labelledby="method-heading">
        <h2 id="method-heading">{{ 'statements.accessibility.methodHeading' | t }}</h2>
        <p>{{ 'statements.accessibility.method' | t }}</p>
        <p data-testid="last-reviewed">
          {{ 'statements.accessibility.reviewed' | t: { date: reviewed | localDate } }}
        </p>
      </section>

      <section aria-labelledby="pages-heading" data-testid="checked-pages">
        <h2 id="pages-heading">{{ 'statements.accessibility.pagesHeading' | t }}</h2>
        <p>{{ 'statements.accessibility.pagesIntro' | t: { count: checkCount } }}</p>
        @for (area of areas; track area.area) {
          <h3>{{ area.label | t }}</h3>
          <ul class="routes">
            @for (r of area.routes; track r.route) {
              <li data-testid="checked-page">
                <code>{{ r.route }}</code>
                <span class="note">
                  @for (w of r.widths; track w) {
                    {{ widthLabel[w] | t }}{{ $last ? '' : ', ' }}
                  }
                  · {{ 'statements.accessibility.checks' | t: { count: r.checks } }}
                </span>
              </li>
            }
          </ul>
        }
      </section>

      <section aria-labelledby="feedback-heading">
        <h2 id="feedback-heading">{{ 'statements.accessibility.feedbackHeading' | t }}</h2>
        <p>{{ 'statements.accessibility.feedback' | t }}</p>
      </section>

      <blup-statement-contact />

      <section aria-labelledby="complain-heading">
        <h2 id="complain-heading">{{ 'statements.accessibility.complainHeading' | t }}</h2>
        <p>{{ 'statements.accessibility.complain' | t }}</p>
        <p>
          <a class="link" [href]="digst" rel="noopener">{{
            'statements.accessibility.complainLink' | t
          }}</a>
        </p>
      </section>
    </article>
  `,
  styles: `
    ${STATEMENT_STYLES}
    .routes {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .routes li {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 0 12px;
      padding-block: 6px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
  `,
})
export class AccessibilityPage {
  protected readonly reviewed = LAST_REVIEWED;
  protected readonly digst = DIGST_COMPLAINT_URL;
  protected readonly areas = checkedAreas(ACCESSIBILITY_CHECKS);
  protected readonly checkCount = ACCESSIBILITY_CHECKS.length;
  protected readonly widthLabel: Readonly<Record<CheckWidth, TranslationKey>> = {
    phone: 'statements.accessibility.phone',
    desktop: 'statements.accessibility.desktop',
  };
}

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

interface CheckedArea {
  area: CheckArea;
  label: TranslationKey;
  /** How many different pages (addresses) of the area the tests check. */
  pages: number;
  widths: CheckWidth[];
  checks: number;
}

const WIDTH_ORDER: readonly CheckWidth[] = ['phone', 'desktop'];

/**
 * The checks by area (in the list's order), in words people read: how many pages, at which
 * sizes, how many checks (the addresses themselves are for developers: see the list's file).
 */
export function checkedAreas(checks: readonly AccessibilityCheck[]): CheckedArea[] {
  const areas = new Map<CheckArea, { routes: Set<string>; widths: Set<CheckWidth>; n: number }>();
  for (const check of checks) {
    const area = areas.get(check.area) ?? { routes: new Set(), widths: new Set(), n: 0 };
    area.routes.add(check.route);
    for (const width of check.widths) area.widths.add(width);
    area.n++;
    areas.set(check.area, area);
  }
  return [...areas].map(([area, { routes, widths, n }]) => ({
    area,
    label: `statements.accessibility.areas.${area}` as TranslationKey,
    pages: routes.size,
    widths: WIDTH_ORDER.filter((w) => widths.has(w)),
    checks: n,
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
        <ul class="routes">
          @for (area of areas; track area.area) {
            <li data-testid="checked-area">
              <strong>{{ area.label | t }}</strong>
              <span class="note">
                {{ 'statements.accessibility.pages' | t: { count: area.pages } }} ·
                @for (w of area.widths; track w) {
                  {{ widthLabel[w] | t }}{{ $last ? '' : ', ' }}
                }
                · {{ 'statements.accessibility.checks' | t: { count: area.checks } }}
              </span>
            </li>
          }
        </ul>
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

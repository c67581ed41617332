import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { LocalDatePipe, TranslatePipe, WheelReportApi } from '@blup/web/core';
import { CopyField, Icon } from '@blup/web/ui';
import { catchError, of } from 'rxjs';
import { MonthGrid } from './month-grid';

/**
 * The published annual wheel on the village's public page, with the address of its iCal feed;
 * nothing at all when the village has not published one.
 */
@Component({
  selector: 'blup-public-wheel',
  imports: [MonthGrid, CopyField, Icon, MatButton, TranslatePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (wheel.value(); as w) {
      <section aria-labelledby="wheel-heading" class="wheel" data-testid="public-wheel">
        <h2 id="wheel-heading">{{ 'wheel.publicHeading' | t }}</h2>
        <p class="meta">
          {{ 'wheel.publicMeta' | t: { version: w.version, date: (w.publishedAt | localDate) } }}
        </p>
        <blup-month-grid [activities]="w.content.activities" [headingLevel]="3" />
        <div class="calendar">
          <label for="public-wheel-ics">{{ 'wheel.calendar' | t }}</label>
          <blup-copy-field
            [value]="icsUrl()"
            inputId="public-wheel-ics"
            describedBy="public-wheel-hint"
            inputTestId="public-wheel-ics"
            icon="article"
            [buttonLabel]="'wheel.copy' | t"
          />
          <p class="meta" id="public-wheel-hint">
            {{ 'wheel.calendarHint' | t }} {{ 'wheel.noDayInCalendar' | t }}
          </p>
          <a matButton="outlined" [href]="webcal()">
            <blup-icon matButtonIcon name="cohort" />
            {{ 'wheel.openCalendar' | t }}
          </a>
        </div>
      </section>
    }
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin: 32px 0 8px;
      color: var(--mat-sys-primary);
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
      margin: 4px 0 12px;
    }
    .calendar {
      display: grid;
      gap: 4px;
      justify-items: start;
      margin-block-start: 16px;
    }
    .calendar a {
      min-block-size: 48px;
    }
    @media print {
      .calendar {
        display: none;
      }
    }
  `,
})
export class PublicWheel {
  private readonly api = inject(WheelReportApi);
  readonly slug = input.required<string>();

  protected readonly wheel = rxResource({
    params: () => this.slug(),
    // Not published is not an error here: the page simply has no wheel.
    stream: ({ params }) => this.api.publicWheel(params).pipe(catchError(() => of(null))),
  });
  protected readonly icsUrl = computed(() => {
    const w = this.wheel.value();
    return w ? `${location.origin}${w.icsUrl}` : '';
  });
  protected readonly webcal = computed(() => this.icsUrl().replace(/^https?:/, 'webcal:'));
}

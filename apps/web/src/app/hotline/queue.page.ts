import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { HotlineRequestDto, HotlineState } from '@blup/contracts';
import { HotlineApi, I18nService, pagedList } from '@blup/web/core';
import { FILTER_CHIP_STYLES } from '@blup/web/ui';
import { ListFrame } from '../shared/list-frame';
import { PAGE_PARTS } from '../shared/page-parts';
import { QUESTION_CARD_STYLES } from './question-card-styles';
import { STATES_IN_ORDER, dateTime, durationText, hotlineStateKey } from './hotline-labels';

/**
 * `/hotline`: the secretariat's queue. Tabs by state with their counts (new and open, oldest
 * first, come first when all are shown), a search, each question's first response time, a link
 * to the FAQ, and the yearly counts per municipality.
 */
@Component({
  selector: 'blup-hotline-queue-page',
  imports: [PAGE_PARTS, ListFrame],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header [heading]="'hotline.queueTitle' | t" [subheading]="'hotline.queueIntro' | t">
      <a matButton="outlined" routerLink="/hotline/faq" data-testid="hotline-faq-link">
        {{ 'hotline.faqLink' | t }}
      </a>
    </blup-page-header>
    <div class="chips" role="group" [attr.aria-label]="'hotline.queueTitle' | t">
      <button
        type="button"
        class="chip"
        [attr.aria-pressed]="!state()"
        data-testid="hotline-tab-all"
        (click)="choose(undefined)"
      >
        {{ 'hotline.allStates' | t }}
      </button>
      @for (s of states; track s) {
        <button
          type="button"
          class="chip"
          [attr.aria-pressed]="state() === s"
          [attr.data-testid]="'hotline-tab-' + s"
          (click)="choose(s)"
        >
          {{ 'hotline.stateCount' | t: { state: (stateKey(s) | t), count: count(s) } }}
        </button>
      }
    </div>
    <blup-list-frame [list]="list" emptyText="hotline.queueEmpty" searchLabel="hotline.searchQueue">
      <ul class="cards">
        @for (item of list.items(); track item.id) {
          <li>
            <a class="card" [routerLink]="['/hotline', item.id]" data-testid="hotline-queue-item">
              <strong>{{ item.subject }}</strong>
              <span>
                {{ item.askerName }}
                @if (item.villageName) {
                  · {{ item.villageName }}
                } @else if (item.municipalityName) {
                  · {{ item.municipalityName }}
                }
              </span>
              <span class="meta">
                {{ stateKey(item.state) | t }} · {{ when(item.lastMessageAt) }} ·
                @if (item.firstResponseMinutes !== null) {
                  {{
                    'hotline.firstResponse'
                      | t
                        : {
                            time:
                              (duration(item.firstResponseMinutes).key
                              | t: duration(item.firstResponseMinutes).params),
                          }
                  }}
                } @else {
                  {{ 'hotline.noResponseYet' | t }}
                }
              </span>
            </a>
          </li>
        }
      </ul>
    </blup-list-frame>

    <section class="stats">
      <h2>{{ 'hotline.statsTitle' | t }}</h2>
      <label for="stats-year">{{ 'hotline.statsYear' | t }}</label>
      <select id="stats-year" [value]="year()" (change)="year.set(+$any($event.target).value)">
        @for (y of years; track y) {
          <option [value]="y">{{ y }}</option>
        }
      </select>
      @if (stats.hasValue()) {
        @let s = stats.value();
        @if (s.municipalities.length) {
          <ul class="stat-rows" data-testid="hotline-stats">
            @for (m of s.municipalities; track m.municipalityId) {
              <li>
                <strong>{{ m.municipalityName ?? ('hotline.statsNoMunicipality' | t) }}</strong>
                <span>
                  {{ 'hotline.statsLine' | t: { count: m.count, answered: m.answered } }}
                  @if (m.medianFirstResponseMinutes !== null) {
                    ·
                    {{
                      'hotline.statsMedianLine'
                        | t
                          : {
                              time:
                                (duration(m.medianFirstResponseMinutes).key
                                | t: duration(m.medianFirstResponseMinutes).params),
                            }
                    }}
                  }
                </span>
              </li>
            }
          </ul>
        } @else {
          <p>{{ 'hotline.statsEmpty' | t }}</p>
        }
      }
    </section>
  `,
  styles: `
    ${FILTER_CHIP_STYLES}
    .chips {
      margin-block-end: 16px;
    }
    ${QUESTION_CARD_STYLES}
    .stats {
      margin-block-start: 32px;
      display: grid;
      gap: 8px;
      max-inline-size: 640px;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    select {
      block-size: 48px;
      max-inline-size: 160px;
      padding-inline: 12px;
      font: var(--mat-sys-body-large);
    }
    .stat-rows {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .stat-rows li {
      display: flex;
      flex-direction: column;
      padding: 8px 0;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
  `,
})
export class QueuePage {
  private readonly api = inject(HotlineApi);
  private readonly i18n = inject(I18nService);
  protected readonly states = STATES_IN_ORDER;
  protected readonly stateKey = hotlineStateKey;
  protected readonly duration = durationText;
  protected readonly list = pagedList<HotlineRequestDto, { state?: HotlineState }>((query) =>
    this.api.queue(query),
  );
  protected readonly state = computed(() => this.list.query().state);
  protected readonly counts = rxResource({
    params: () => this.list.query(),
    stream: () => this.api.counts(),
  });
  private readonly thisYear = new Date().getFullYear();
  protected readonly years = [this.thisYear, this.thisYear - 1, this.thisYear - 2];
  protected readonly year = signal(this.thisYear);
  protected readonly stats = rxResource({
    params: () => this.year(),
    stream: ({ params }) => this.api.stats(params),
  });

  protected count(state: HotlineState): number {
    return (this.counts.hasValue() ? this.counts.value()[state] : 0) ?? 0;
  }

  protected choose(state: HotlineState | undefined): void {
    this.list.filter({ state });
  }

  protected when(iso: string): string {
    return dateTime(iso, this.i18n.locale());
  }
}

import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { GatheringDto } from '@blup/contracts';
import { GatheringsApi, I18nService } from '@blup/web/core';
import { CopyField } from '@blup/web/ui';
import { confirmAction } from '../shared/confirm-action';
import { PAGE_PARTS } from '../shared/page-parts';
import { GatheringTimePipe } from './gathering-date.pipe';
import { GatheringMinutes } from './gathering-minutes';
import { audienceKey, kindKey, modeKey } from './gathering-labels';
import { MyRegistration } from './my-registration';
import { RegistrationList } from './registration-list';

/**
 * One gathering: when and where, the person's registration (questions, status, calendar file,
 * check-in QR code) and, for organisers, editing, cancelling, check-in, numbers, the list and
 * the minutes.
 */
@Component({
  selector: 'blup-gathering-page',
  imports: [
    PAGE_PARTS,
    CopyField,
    MyRegistration,
    RegistrationList,
    GatheringMinutes,
    GatheringTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="back" routerLink="/moeder">
      <blup-icon name="back" />
      {{ 'gatherings.allGatherings' | t }}
    </a>
    <blup-load-state [loading]="gathering.isLoading()" [error]="gathering.error()" />
    @if (gathering.hasValue()) {
      @let g = gathering.value();
      <blup-page-header [heading]="g.title" [subheading]="kindKey(g.kind) | t" />
      @if (g.cancelledAt) {
        <p class="cancelled" role="status">{{ 'gatherings.cancelledText' | t }}</p>
      }
      <dl class="facts" data-testid="facts">
        <dt>{{ 'gatherings.when' | t }}</dt>
        <dd class="when">{{ g | gatheringTime }}</dd>
        <dt>{{ 'gatherings.where' | t }}</dt>
        <dd>
          {{ modeKey(g.mode) | t }}
          @if (g.address) {
            <br /><span data-testid="address">{{ g.address }}</span>
          }
        </dd>
        @if (g.mode !== 'in_person') {
          <dt>{{ 'gatherings.onlineLink' | t }}</dt>
          <dd>
            @if (g.url) {
              <a [href]="g.url" target="_blank" rel="noopener" data-testid="online-link">{{
                'gatherings.openLink' | t
              }}</a>
            } @else {
              {{ 'gatherings.linkLater' | t }}
            }
          </dd>
        }
        <dt>{{ 'gatherings.audience' | t }}</dt>
        <dd>
          {{ audienceKey(g.audience) | t }}
          @if (g.villageName) {
            ({{ g.villageName }})
          }
        </dd>
        <dt>{{ 'gatherings.placesLabel' | t }}</dt>
        <dd data-testid="places">
          {{ 'gatherings.placesLeft' | t: { count: g.placesLeft } }}
          @if (g.waitlistCount) {
            · {{ 'gatherings.waitlist' | t: { count: g.waitlistCount } }}
          }
        </dd>
      </dl>
      @if (g.description) {
        <p class="description">{{ g.description }}</p>
      }
      <blup-my-registration [gathering]="g" (changed)="gathering.reload()" />

      @if (g.canEdit) {
        <section class="organiser" aria-labelledby="organiser-heading" data-testid="organiser">
          <h2 id="organiser-heading">{{ 'gatherings.organiser' | t }}</h2>
          <div class="actions">
            <a
              matButton="filled"
              [routerLink]="['/moeder', g.id, 'check-in']"
              data-testid="open-check-in"
            >
              <blup-icon matButtonIcon name="grid" />
              {{ 'gatherings.openCheckIn' | t }}
            </a>
            @if (!g.cancelledAt) {
              <a matButton="outlined" [routerLink]="['/moeder', g.id, 'edit']" data-testid="edit">
                <blup-icon matButtonIcon name="edit" />
                {{ 'gatherings.edit' | t }}
              </a>
              <button
                matButton="outlined"
                type="button"
                data-testid="cancel-gathering"
                (click)="cancelGathering(g)"
              >
                {{ 'gatherings.cancelGathering' | t }}
              </button>
            }
          </div>
          <blup-api-error [error]="actionError()" />
          @if (g.publicUrl) {
            <h3>{{ 'gatherings.publicPage' | t }}</h3>
            <p class="meta">{{ 'gatherings.publicPageHint' | t }}</p>
            <blup-copy-field
              [value]="publicLink(g)"
              [buttonLabel]="'gatherings.copyLink' | t"
              [ariaLabel]="'gatherings.publicPage' | t"
              inputTestId="public-link"
            />
          }
          <h3>{{ 'gatherings.numbers' | t }}</h3>
          <dl class="numbers" data-testid="numbers">
            <div>
              <dt>{{ 'gatherings.numbersTaken' | t }}</dt>
              <dd>{{ g.placesTaken }}</dd>
            </div>
            <div>
              <dt>{{ 'gatherings.numbersCapacity' | t }}</dt>
              <dd>{{ g.capacity }}</dd>
            </div>
            <div>
              <dt>{{ 'gatherings.numbersWaitlist' | t }}</dt>
              <dd>{{ g.waitlistCount }}</dd>
            </div>
            <div>
              <dt>{{ 'gatherings.numbersCheckedIn' | t }}</dt>
              <dd>{{ g.checkedInCount }}</dd>
            </div>
          </dl>
          <h3>{{ 'gatherings.registrations' | t }}</h3>
          <blup-registration-list [gatheringId]="g.id" [questions]="g.questions" />
        </section>
      }
      @if (g.canEdit || g.minutes) {
        <blup-gathering-minutes [gathering]="g" (saved)="gathering.set($event)" />
      }
    }
  `,
  styles: `
    .back {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      min-block-size: 48px;
    }
    .cancelled {
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-title-medium);
    }
    .numbers {
      display: grid;
      grid-template-columns: repeat(2, 1fr);
      gap: 12px;
      margin: 0 0 16px;
    }
    .numbers dt {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .numbers dd {
      margin: 0;
    }
    .numbers dd {
      font: var(--mat-sys-headline-small);
    }
    .when {
      font: var(--mat-sys-title-medium);
    }
    .description {
      white-space: pre-wrap;
      font: var(--mat-sys-body-large);
    }
    .organiser {
      margin-block: 24px;
    }
    h2 {
      font: var(--mat-sys-title-large);
    }
    h3 {
      margin-block: 16px 8px;
      font: var(--mat-sys-title-medium);
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .actions > * {
      min-block-size: 48px;
    }
  `,
})
export class GatheringPage {
  private readonly api = inject(GatheringsApi);
  private readonly i18n = inject(I18nService);
  private readonly confirm = confirmAction();

  readonly id = input.required<string>();

  protected readonly gathering = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.get(params),
  });
  protected readonly actionError = signal<unknown>(null);
  protected readonly kindKey = kindKey;
  protected readonly modeKey = modeKey;
  protected readonly audienceKey = audienceKey;

  protected publicLink(g: GatheringDto): string {
    return g.publicUrl?.startsWith('http') ? g.publicUrl : `${location.origin}${g.publicUrl ?? ''}`;
  }

  protected cancelGathering(g: GatheringDto): void {
    this.actionError.set(null);
    this.confirm({
      ask: {
        title: this.i18n.t('gatherings.cancelGatheringTitle'),
        message: this.i18n.t('gatherings.cancelGatheringText'),
        confirm: this.i18n.t('gatherings.cancelGatheringConfirm'),
        cancel: this.i18n.t('common.cancel'),
      },
      act: () => this.api.cancel(g.id),
      done: 'gatherings.cancelledText',
      then: (updated) => this.gathering.set(updated),
      failed: (error) => this.actionError.set(error),
    });
  }
}

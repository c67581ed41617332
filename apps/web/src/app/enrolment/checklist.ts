import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import {
  APPLICATION_LIMITS,
  type ApplicationChecklist,
  RequirementKey,
  RequirementState,
} from '@blup/contracts';
import { TranslatePipe, type TranslationKey } from '@blup/web/core';
import { Icon, type IconName } from '@blup/web/ui';
import { problemKey, requirementKey, requirementStateKey } from './enrolment-labels';

const MET_TEXT: Record<RequirementKey, TranslationKey> = {
  [RequirementKey.Municipality]: 'enrolment.checklist.municipalityMet',
  [RequirementKey.Locals]: 'enrolment.checklist.localsMet',
  [RequirementKey.Cooperation]: 'enrolment.checklist.cooperationMet',
};

const STATE_ICON: Record<RequirementState, IconName> = {
  [RequirementState.Met]: 'check',
  [RequirementState.ToAssess]: 'search',
  [RequirementState.Missing]: 'error',
};

/**
 * The three requirements with their state and, when not met, what is still missing. Live on
 * the application form (`aria-live` so the change is announced), static on the application page.
 * `compact` shows only the chips (the intake list).
 */
@Component({
  selector: 'blup-checklist',
  imports: [Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (compact()) {
      <ul class="chips" [attr.aria-label]="'enrolment.checklist.title' | t">
        @for (item of checklist().items; track item.key) {
          <li class="chip" [class]="item.state" [attr.data-testid]="'chip-' + item.key">
            <blup-icon [name]="icon[item.state]" />
            {{ requirementKey(item.key) | t }}: {{ requirementStateKey(item.state) | t }}
          </li>
        }
      </ul>
    } @else {
      <section class="card" [attr.aria-labelledby]="headingId" data-testid="checklist">
        <h2 [id]="headingId">{{ 'enrolment.checklist.title' | t }}</h2>
        <p class="intro">{{ 'enrolment.checklist.intro' | t }}</p>
        <ul class="items" [attr.aria-live]="live() ? 'polite' : null">
          @for (item of checklist().items; track item.key) {
            <li
              class="item"
              [attr.data-testid]="'requirement-' + item.key"
              [attr.data-state]="item.state"
            >
              <blup-icon class="state-icon" [class]="item.state" [name]="icon[item.state]" />
              <div>
                <span class="name">{{ requirementKey(item.key) | t }}</span>
                <span class="state" [class]="item.state">{{
                  requirementStateKey(item.state) | t
                }}</span>
                @if (item.problems.length) {
                  @for (problem of item.problems; track $index) {
                    <span class="why">{{ problemKey(problem) | t: { min } }}</span>
                  }
                } @else {
                  <span class="why">{{ metText[item.key] | t }}</span>
                }
              </div>
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .card {
      padding: 16px;
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .intro {
      margin: 4px 0 12px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .items,
    .chips {
      display: flex;
      flex-direction: column;
      gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .item {
      display: flex;
      gap: 12px;
      align-items: flex-start;
    }
    .item > div {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .name {
      font: var(--mat-sys-title-small);
    }
    .state {
      font: var(--mat-sys-label-large);
    }
    .why {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .met {
      color: var(--mat-sys-primary);
    }
    .missing {
      color: var(--mat-sys-error);
    }
    .to_assess {
      color: var(--mat-sys-tertiary);
    }
    .chips {
      flex-direction: row;
      flex-wrap: wrap;
      gap: 6px;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px 2px 6px;
      border-radius: var(--mat-sys-corner-small);
      border: 1px solid currentColor;
      font: var(--mat-sys-label-medium);
    }
    .chip blup-icon {
      transform: scale(0.75);
    }
  `,
})
export class Checklist {
  readonly checklist = input.required<ApplicationChecklist>();
  readonly compact = input(false);
  /** Announce changes (the live form). */
  readonly live = input(false);

  private static next = 0;
  protected readonly headingId = `checklist-${Checklist.next++}`;
  protected readonly icon = STATE_ICON;
  protected readonly metText = MET_TEXT;
  protected readonly min = APPLICATION_LIMITS.cooperationMinChars;
  protected readonly requirementKey = requirementKey;
  protected readonly requirementStateKey = requirementStateKey;
  protected readonly problemKey = problemKey;
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { InitiativeGoalRef, InitiativeStatus } from '@blup/contracts';
import { LocalDatePipe, TranslatePipe } from '@blup/web/core';
import { initiativeStatusKey } from '../initiatives/initiative-labels';
import { ProgressBar } from '../initiatives/progress-bar';

/** A focus area as the plan shows it (the public page's and the overview's shape in common). */
export interface PlanFocusArea {
  id: string;
  name: string;
  progress: number | null;
  initiativeCount: number;
  initiatives: PlanInitiative[];
}

export interface PlanInitiative {
  id: string;
  title: string;
  status: InitiativeStatus;
  progress: number;
  milestoneWhat: string | null;
  milestoneDate: string | null;
  /** The goals it serves (the public page has them; the editor's overview does not). */
  goals?: InitiativeGoalRef[];
}

/**
 * The village's focus areas with their weighted roll-up and their initiatives (status, progress,
 * next step, the goals they serve), as they stand now: on the public page and, read-only with
 * links to each initiative, in the plan editor. No people.
 */
@Component({
  selector: 'blup-plan-initiatives',
  imports: [RouterLink, TranslatePipe, LocalDatePipe, ProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (area of areas(); track area.id) {
      <section class="area" [attr.aria-labelledby]="'area-' + area.id" data-testid="plan-area">
        <h3 [id]="'area-' + area.id">{{ area.name }}</h3>
        <blup-progress-bar [value]="area.progress" [rollUp]="true" data-testid="plan-roll-up" />
        <ul class="initiatives">
          @for (initiative of area.initiatives; track initiative.id) {
            <li class="initiative" data-testid="plan-initiative">
              @if (links()) {
                <a class="title" [routerLink]="['/initiatives', initiative.id]">{{
                  initiative.title
                }}</a>
              } @else {
                <span class="title">{{ initiative.title }}</span>
              }
              <span class="line">
                <strong>{{ statusKey(initiative.status) | t }}</strong>
                · {{ 'initiatives.progress' | t: { percent: initiative.progress } }}
              </span>
              @if (initiative.milestoneWhat) {
                <span class="line">
                  @if (initiative.milestoneDate) {
                    {{
                      'initiatives.milestoneDated'
                        | t
                          : {
                              what: initiative.milestoneWhat,
                              date: (initiative.milestoneDate | localDate),
                            }
                    }}
                  } @else {
                    {{ 'initiatives.milestone' | t: { what: initiative.milestoneWhat } }}
                  }
                </span>
              }
              @if (initiative.goals?.length) {
                <span class="line">{{
                  'plans.initiativeServes' | t: { goals: goalTitles(initiative.goals) }
                }}</span>
              }
            </li>
          }
        </ul>
        @if (area.initiativeCount > area.initiatives.length) {
          <p>
            {{
              'plans.moreInitiatives' | t: { count: area.initiativeCount - area.initiatives.length }
            }}
          </p>
        }
      </section>
    } @empty {
      <p>{{ 'plans.noFocusAreas' | t }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 16px 0 4px;
    }
    .initiatives {
      list-style: none;
      padding: 0;
      margin: 8px 0 0;
    }
    .initiative {
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding-block: 6px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .title {
      font: var(--mat-sys-body-large);
      font-weight: 500;
    }
    a.title {
      color: var(--mat-sys-primary);
      min-block-size: 24px;
    }
    .line {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    @media print {
      .area,
      .initiative {
        break-inside: avoid;
      }
    }
  `,
})
export class PlanInitiatives {
  readonly areas = input.required<readonly PlanFocusArea[]>();
  /** Link each initiative to its page (signed in only). */
  readonly links = input(false);
  protected readonly statusKey = initiativeStatusKey;

  protected goalTitles(goals: readonly InitiativeGoalRef[]): string {
    return goals.map((goal) => goal.title).join(', ');
  }
}

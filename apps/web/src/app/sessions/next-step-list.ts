import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { NextStep } from '@blup/contracts';
import { LocalDatePipe, TranslatePipe } from '@blup/web/core';
import { Icon } from '@blup/web/ui';

/** The next steps agreed at a session, each done or not, with its owner and due date. */
@Component({
  selector: 'blup-next-step-list',
  imports: [Icon, LocalDatePipe, TranslatePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (steps().length) {
      <ul class="steps" data-testid="next-steps">
        @for (step of steps(); track $index) {
          <li [class.done]="step.done">
            <blup-icon [name]="step.done ? 'check' : 'next'" />
            <span class="item-text">
              <span>{{ step.text }}</span>
              <span class="meta">
                {{ (step.done ? 'sessions.done' : 'sessions.notDone') | t }}
                @if (step.ownerName) {
                  · {{ 'sessions.owner' | t: { name: step.ownerName } }}
                }
                @if (step.dueDate) {
                  · {{ 'sessions.dueOn' | t: { date: step.dueDate | localDate } }}
                }
              </span>
              @if (step.link; as link) {
                <a
                  class="link"
                  [routerLink]="[link.kind === 'goal' ? '/goals' : '/initiatives', link.id]"
                  data-testid="step-link"
                >
                  {{
                    (link.kind === 'goal' ? 'sessions.linkedGoal' : 'sessions.linkedInitiative')
                      | t: { title: link.title }
                  }}
                </a>
              }
            </span>
          </li>
        }
      </ul>
    } @else {
      <p class="meta">{{ 'sessions.noNextSteps' | t }}</p>
    }
  `,
  styles: `
    .steps {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .steps li {
      display: flex;
      gap: 12px;
      padding: 8px 0;
    }
    .steps li.done blup-icon {
      color: var(--mat-sys-primary);
    }
    .item-text {
      display: flex;
      flex-direction: column;
      flex: 1;
      min-inline-size: 0;
    }
    .link {
      display: inline-flex;
      align-items: center;
      min-block-size: 48px;
    }
    .meta {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class NextStepList {
  readonly steps = input.required<readonly NextStep[]>();
}

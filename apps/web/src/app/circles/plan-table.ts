import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { PlanSessionDto } from '@blup/contracts';
import { I18nService, type PagedList, TranslatePipe, CirclesApi } from '@blup/web/core';
import { filter } from 'rxjs';
import { confirmAction } from '../shared/confirm-action';
import { ListFrame } from '../shared/list-frame';
import { CircleTimePipe, circleKindKey, phaseKey } from './circle-labels';
import { PlanSessionDialog } from './plan-session-dialog';

/** The planner's saved plan: one row per planned session, to edit, write about or cancel. */
@Component({
  selector: 'blup-plan-table',
  imports: [RouterLink, MatButton, ListFrame, TranslatePipe, CircleTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-list-frame [list]="plan()" emptyText="circles.noPlan">
      <div class="table-scroll">
        <table class="table" data-testid="plan">
          @if (plan().items().length) {
            <thead>
              <tr>
                <th scope="col">{{ 'circles.when' | t }}</th>
                <th scope="col">{{ 'circles.sessionTitle' | t }}</th>
                <th scope="col">{{ 'circles.kind' | t }}</th>
                <th scope="col">{{ 'circles.phase' | t }}</th>
                <th scope="col">{{ 'circles.sessions' | t }}</th>
                <th scope="col">
                  <span class="cdk-visually-hidden">{{ 'common.edit' | t }}</span>
                </th>
              </tr>
            </thead>
          }
          <tbody>
            @for (slot of plan().items(); track slot.id) {
              <tr [class.cancelled]="allCancelled(slot)">
                <td class="nowrap">{{ slot.startsAt | circleTime: 'short' }}</td>
                <td>
                  {{ slot.title }}
                  @if (slot.topic) {
                    <div class="muted">{{ slot.topic }}</div>
                  }
                </td>
                <td>{{ circleKindKey(slot.circleKind) | t }}</td>
                <td>{{ phaseKey(slot.phase) | t }}</td>
                <td>
                  {{ 'circles.planSessionCount' | t: { count: slot.sessionCount } }}
                  @if (slot.adjustedCount) {
                    <div class="muted">
                      {{ 'circles.adjustedCount' | t: { count: slot.adjustedCount } }}
                    </div>
                  }
                  @if (slot.cancelledCount) {
                    <div class="muted">
                      {{ 'circles.cancelledCount' | t: { count: slot.cancelledCount } }}
                    </div>
                  }
                </td>
                <td class="actions">
                  @if (!allCancelled(slot)) {
                    <button
                      matButton
                      type="button"
                      (click)="editSlot(slot)"
                      [attr.aria-label]="('common.edit' | t) + ': ' + slot.title"
                    >
                      {{ 'common.edit' | t }}
                    </button>
                    <a
                      matButton
                      routerLink="/newsletters/new"
                      [queryParams]="{ for: slot.id }"
                      [attr.aria-label]="
                        'newsletters.writeNewsletterFor' | t: { title: slot.title }
                      "
                      data-testid="write-newsletter"
                    >
                      {{ 'newsletters.writeNewsletter' | t }}
                    </a>
                    <button
                      matButton
                      type="button"
                      (click)="cancelSlot(slot)"
                      [attr.aria-label]="('circles.cancelPlanSession' | t) + ': ' + slot.title"
                    >
                      {{ 'circles.cancelPlanSession' | t }}
                    </button>
                  } @else {
                    {{ 'sessions.status.cancelled' | t }}
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </blup-list-frame>
  `,
  styles: `
    .table-scroll {
      overflow-x: auto;
    }
    .table {
      inline-size: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    .table th,
    .table td {
      text-align: start;
      vertical-align: top;
      padding: 8px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .table th {
      font: var(--mat-sys-title-small);
    }
    .nowrap {
      white-space: nowrap;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .cancelled td:not(.actions) {
      text-decoration: line-through;
    }
    .actions {
      white-space: nowrap;
    }
  `,
})
export class PlanTable {
  private readonly api = inject(CirclesApi);
  private readonly i18n = inject(I18nService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly confirm = confirmAction();

  /** The cohort's plan; the page owns it so that it can reload it after saving new rows. */
  readonly plan = input.required<PagedList<PlanSessionDto, { cohortId: string }>>();

  protected readonly circleKindKey = circleKindKey;
  protected readonly phaseKey = phaseKey;

  protected allCancelled(slot: PlanSessionDto): boolean {
    return slot.sessionCount > 0 && slot.cancelledCount >= slot.sessionCount;
  }

  protected editSlot(slot: PlanSessionDto): void {
    this.dialog
      .open(PlanSessionDialog, {
        data: slot,
        width: '640px',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => {
        this.snackBar.open(this.i18n.t('common.saved'), undefined, { duration: 4000 });
        this.plan().reload();
      });
  }

  protected cancelSlot(slot: PlanSessionDto): void {
    this.confirm({
      ask: {
        title: this.i18n.t('circles.cancelPlanTitle', { title: slot.title }),
        message: this.i18n.t('circles.cancelPlanMessage'),
        confirm: this.i18n.t('circles.cancelPlanSession'),
        cancel: this.i18n.t('common.back'),
      },
      act: () => this.api.cancelPlanSession(slot.id),
      done: 'circles.planSessionCancelled',
      then: () => this.plan().reload(),
      failed: (error) =>
        this.snackBar.open(
          error instanceof Error && error.message ? error.message : this.i18n.t('errors.generic'),
          this.i18n.t('common.close'),
        ),
    });
  }
}

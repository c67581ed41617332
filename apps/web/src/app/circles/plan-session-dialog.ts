import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { type PlanSessionDto, SESSION_LIMITS } from '@blup/contracts';
import { CirclesApi, TranslatePipe } from '@blup/web/core';
import { ApiErrorMessage } from '../shared/api-error-message';
import { DIALOG_PARTS } from '../shared/dialog-parts';
import { submitter } from '../shared/submitter';
import { SessionFields } from './session-fields';
import {
  mapTimeDetails,
  sessionSpan,
  sessionTimeControls,
  sessionTimeFields,
  spanMoved,
} from './session-times';

/** Changes one planned slot for every circle; closes with the saved slot. */
@Component({
  selector: 'blup-plan-session-dialog',
  imports: [ReactiveFormsModule, DIALOG_PARTS, SessionFields, ApiErrorMessage, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'circles.editPlanSession' | t }}</h2>
    <form novalidate [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <p class="note" data-testid="plan-note">{{ 'circles.editPlanNote' | t }}</p>
        <blup-api-error [error]="save.error()" />
        <div class="fields">
          <blup-session-fields [controls]="form.controls" [minMinutes]="15" />
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" [mat-dialog-close]="null">
          {{ 'common.cancel' | t }}
        </button>
        <button matButton="filled" type="submit" [disabled]="save.busy()" data-testid="save">
          {{ 'common.save' | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .note {
      margin-block: 0 16px;
      font: var(--mat-sys-body-large);
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(160px, 1fr));
      gap: 16px;
      padding-block-start: 4px;
    }
  `,
})
export class PlanSessionDialog {
  private readonly api = inject(CirclesApi);
  private readonly ref = inject(MatDialogRef<PlanSessionDialog, PlanSessionDto | null>);
  private readonly slot = inject<PlanSessionDto>(MAT_DIALOG_DATA);

  protected readonly save = submitter();
  protected readonly form = inject(NonNullableFormBuilder).group({
    ...sessionTimeControls(sessionTimeFields(this.slot), 15),
    title: [this.slot.title, [Validators.required, Validators.maxLength(SESSION_LIMITS.title)]],
    phase: [this.slot.phase],
    topic: [this.slot.topic, Validators.maxLength(SESSION_LIMITS.topic)],
  });

  protected submit(): void {
    const v = this.form.getRawValue();
    const span = sessionSpan(v.date, v.time, Number(v.durationMinutes));
    this.save.run(
      this.form,
      () =>
        this.api.updatePlanSession(this.slot.id, {
          title: v.title.trim(),
          phase: v.phase,
          topic: v.topic.trim(),
          ...(spanMoved(span, this.slot) ? span : {}),
        }),
      (saved) => this.ref.close(saved),
      (error) => {
        // Time errors are about startsAt/endsAt; show them at the date.
        mapTimeDetails(this.form.controls.date, error);
        return false;
      },
    );
  }
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { FormControl } from '@angular/forms';
import { PHASES, type Phase } from '@blup/contracts';
import { FORM_FIELDS } from '../shared/form-fields';
import { phaseKey } from './circle-labels';

/** The controls `<blup-session-fields>` shows; a form may have more. */
export interface SessionFieldControls {
  readonly date: FormControl<string>;
  readonly time: FormControl<string>;
  readonly durationMinutes: FormControl<number>;
  readonly title: FormControl<string>;
  readonly phase: FormControl<Phase>;
  readonly topic: FormControl<string>;
}

/**
 * When a session is and what it is about: date, start, length, title, phase and topic. Its
 * fields sit in the caller's grid (`.fields`) as if written there; `wide` ones span it.
 */
@Component({
  selector: 'blup-session-fields',
  imports: [FORM_FIELDS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  template: `
    @let c = controls();
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ 'circles.date' | t }}</mat-label>
      <input matInput type="date" [formControl]="c.date" data-testid="date" />
      <mat-error>{{ c.date | fieldError }}</mat-error>
    </mat-form-field>
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ 'circles.startTime' | t }}</mat-label>
      <input matInput type="time" [formControl]="c.time" data-testid="time" />
      <mat-hint>{{ 'circles.timesNote' | t }}</mat-hint>
      <mat-error>{{ c.time | fieldError }}</mat-error>
    </mat-form-field>
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ 'circles.duration' | t }}</mat-label>
      <input matInput type="number" [min]="minMinutes()" [formControl]="c.durationMinutes" />
      <mat-error>{{ c.durationMinutes | fieldError }}</mat-error>
    </mat-form-field>
    <mat-form-field subscriptSizing="dynamic" class="wide">
      <mat-label>{{ 'circles.sessionTitle' | t }}</mat-label>
      <input matInput [formControl]="c.title" data-testid="title" />
      <mat-error>{{ c.title | fieldError }}</mat-error>
    </mat-form-field>
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ 'circles.phase' | t }}</mat-label>
      <mat-select [formControl]="c.phase">
        @for (phase of phases; track phase) {
          <mat-option [value]="phase">{{ phaseKey(phase) | t }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <mat-form-field subscriptSizing="dynamic" class="wide">
      <mat-label>{{ 'circles.topic' | t }}</mat-label>
      <input matInput [formControl]="c.topic" />
      @if (topicHint()) {
        <mat-hint>{{ 'circles.topicHint' | t }}</mat-hint>
      }
      <mat-error>{{ c.topic | fieldError }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    .wide {
      grid-column: 1 / -1;
    }
  `,
})
export class SessionFields {
  readonly controls = input.required<SessionFieldControls>();
  /** The shortest length the form accepts, as its validator says. */
  readonly minMinutes = input.required<number>();
  /** Whether to say what the topic is for (the one-session form does). */
  readonly topicHint = input(false);

  protected readonly phases = PHASES;
  protected readonly phaseKey = phaseKey;
}

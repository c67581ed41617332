import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  AGENDA_ITEM_KINDS,
  type AgendaItem,
  AgendaItemKind,
  SESSION_LIMITS,
} from '@blup/contracts';
import { type I18nService, TranslatePipe } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { FieldErrorPipe } from '../shared/forms';
import { agendaKindKey } from './circle-labels';

export type AgendaGroup = FormGroup<{
  kind: FormControl<AgendaItemKind>;
  title: FormControl<string>;
  minutes: FormControl<number>;
}>;

export function agendaGroup(item: AgendaItem): AgendaGroup {
  return new FormGroup({
    kind: new FormControl(item.kind, { nonNullable: true }),
    title: new FormControl(item.title, {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(SESSION_LIMITS.agendaItemTitle)],
    }),
    minutes: new FormControl(item.minutes, {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.min(1),
        Validators.max(SESSION_LIMITS.agendaItemMinutes),
      ],
    }),
  });
}

export function agendaArray(items: readonly AgendaItem[]): FormArray<AgendaGroup> {
  return new FormArray(items.map(agendaGroup), {
    validators: Validators.maxLength(SESSION_LIMITS.agendaItems),
  });
}

/** Puts `items` in place of what an agenda form holds. */
export function setAgenda(array: FormArray<AgendaGroup>, items: readonly AgendaItem[]): void {
  array.clear();
  for (const group of agendaArray(items).controls) array.push(group);
}

/** The agenda kinds' names in the current language: the titles of a first agenda. */
export function agendaKindTitles(i18n: I18nService): Record<AgendaItemKind, string> {
  return {
    inspiration: i18n.t('circles.agendaKinds.inspiration'),
    discussion: i18n.t('circles.agendaKinds.discussion'),
    knowledge_sharing: i18n.t('circles.agendaKinds.knowledge_sharing'),
    coordination: i18n.t('circles.agendaKinds.coordination'),
  };
}

export function agendaValue(array: FormArray<AgendaGroup>): AgendaItem[] {
  return array
    .getRawValue()
    .map((item) => ({ ...item, title: item.title.trim(), minutes: Number(item.minutes) }));
}

/** An agenda: parts with a heading and minutes; add and remove. */
@Component({
  selector: 'blup-agenda-editor',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatIconButton,
    Icon,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="items" data-testid="agenda">
      @for (item of items().controls; track item; let i = $index) {
        <li class="item" [formGroup]="item">
          <mat-form-field subscriptSizing="dynamic" class="kind">
            <mat-label>{{ 'circles.agendaKind' | t }}</mat-label>
            <mat-select formControlName="kind">
              @for (kind of kinds; track kind) {
                <mat-option [value]="kind">{{ agendaKindKey(kind) | t }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic" class="title">
            <mat-label>{{ 'circles.agendaItemTitle' | t }}</mat-label>
            <input matInput formControlName="title" />
            <mat-error>{{ item.controls.title | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic" class="minutes">
            <mat-label>{{ 'circles.agendaMinutes' | t }}</mat-label>
            <input matInput type="number" min="1" [max]="maxMinutes" formControlName="minutes" />
            <mat-error>{{ item.controls.minutes | fieldError }}</mat-error>
          </mat-form-field>
          <button
            matIconButton
            type="button"
            [attr.aria-label]="'circles.removeAgendaItem' | t: { n: i + 1 }"
            (click)="items().removeAt(i)"
          >
            <blup-icon name="delete" />
          </button>
        </li>
      }
    </ol>
    <div class="footer">
      <button matButton="outlined" type="button" (click)="add()" [disabled]="full()">
        <blup-icon matButtonIcon name="add" />
        {{ 'circles.addAgendaItem' | t }}
      </button>
      <span class="total">{{ 'circles.agendaTotal' | t: { minutes: total() } }}</span>
    </div>
  `,
  styles: `
    .items {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .item {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px;
    }
    .kind {
      flex: 1 1 180px;
    }
    .title {
      flex: 3 1 220px;
    }
    .minutes {
      flex: 0 1 110px;
    }
    .footer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px 16px;
      margin-block-start: 12px;
    }
    .total {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AgendaEditor {
  readonly items = input.required<FormArray<AgendaGroup>>();
  protected readonly kinds = AGENDA_ITEM_KINDS;
  protected readonly agendaKindKey = agendaKindKey;
  protected readonly maxMinutes = SESSION_LIMITS.agendaItemMinutes;
  /** Read in the template; the editor's own inputs mark it for checking. */
  protected total(): number {
    return this.items()
      .getRawValue()
      .reduce((sum, item) => sum + (Number(item.minutes) || 0), 0);
  }

  protected full(): boolean {
    return this.items().length >= SESSION_LIMITS.agendaItems;
  }

  protected add(): void {
    this.items().push(agendaGroup({ kind: AgendaItemKind.Discussion, title: '', minutes: 15 }));
  }
}

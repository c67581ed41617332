import { ChangeDetectionStrategy, Component, ElementRef, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { APPLICATION_LIMITS } from '@blup/contracts';
import { Icon } from '@blup/web/ui';
import { ApplyForm, personGroup } from './apply-form';
import { APPLY_STEP_IMPORTS, APPLY_STEP_STYLES, inParentForm } from './apply-step';

/** Step 3 of the application: the local coordination group, two people or more. */
@Component({
  selector: 'blup-apply-group-step',
  imports: [...APPLY_STEP_IMPORTS, MatButton, Icon],
  viewProviders: [inParentForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="hint">{{ 'enrolment.apply.groupIntro' | t }}</p>
    <ol class="people" formArrayName="people" data-testid="people">
      @for (p of people.controls; track p; let i = $index) {
        <li class="person" [formGroupName]="i" [attr.data-testid]="'person-' + i">
          <div class="person-head">
            <h3>{{ 'enrolment.apply.person' | t: { n: i + 1 } }}</h3>
            @if (people.length > minPeople) {
              <button
                matButton
                type="button"
                (click)="removePerson(i)"
                [attr.data-testid]="'remove-person-' + i"
              >
                <blup-icon matButtonIcon name="delete" />
                {{ 'enrolment.apply.removePerson' | t: { n: i + 1 } }}
              </button>
            }
          </div>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'enrolment.apply.personName' | t }}</mat-label>
            <input matInput formControlName="name" autocomplete="off" />
            <mat-error>{{ p.controls.name | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'enrolment.apply.personEmail' | t }}</mat-label>
            <input
              matInput
              type="email"
              inputmode="email"
              autocomplete="off"
              formControlName="email"
            />
            <mat-error>
              @if (p.controls.email.hasError('duplicate')) {
                {{ 'enrolment.apply.sameEmail' | t }}
              } @else {
                {{ p.controls.email | fieldError }}
              }
            </mat-error>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'enrolment.apply.personPosition' | t }}</mat-label>
            <input matInput formControlName="position" autocomplete="off" />
            <mat-hint>{{ 'enrolment.apply.personPositionHint' | t }}</mat-hint>
            <mat-error>{{ p.controls.position | fieldError }}</mat-error>
          </mat-form-field>
        </li>
      }
    </ol>
    @if (people.length < maxPeople) {
      <button
        matButton="outlined"
        type="button"
        class="wide-button"
        (click)="addPerson()"
        data-testid="add-person"
      >
        <blup-icon matButtonIcon name="add" />
        {{ 'enrolment.apply.addPerson' | t }}
      </button>
    }
  `,
  styles: [
    APPLY_STEP_STYLES,
    `
      .people {
        display: flex;
        flex-direction: column;
        gap: 16px;
        margin: 0 0 16px;
        padding: 0;
        list-style: none;
      }
      .person {
        display: flex;
        flex-direction: column;
        gap: 16px;
        padding: 12px 12px 16px;
        border-radius: var(--mat-sys-corner-medium);
        border: 1px solid var(--mat-sys-outline-variant);
      }
      .person-head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 4px;
      }
      .person-head h3 {
        margin: 0;
        font: var(--mat-sys-title-medium);
      }
    `,
  ],
})
export class ApplyGroupStep {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly people = inject(ApplyForm).people;
  protected readonly minPeople = APPLICATION_LIMITS.minPeople;
  protected readonly maxPeople = APPLICATION_LIMITS.maxPeople;

  protected addPerson(): void {
    this.people.push(personGroup());
    queueMicrotask(() =>
      this.host.nativeElement
        .querySelector<HTMLInputElement>(`[data-testid="person-${this.people.length - 1}"] input`)
        ?.focus(),
    );
  }

  protected removePerson(index: number): void {
    this.people.removeAt(index);
  }
}

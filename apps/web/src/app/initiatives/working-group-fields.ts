import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { FormArray } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import type { InitiativeCandidateDto } from '@blup/contracts';
import { TranslatePipe } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { FIELDSET_STYLES } from './fieldset-styles';
import { OTHER, PersonFields, type PersonGroup, personGroup } from './person-fields';

/** The working group in the initiative form: one person at a time, each with or without an account. */
@Component({
  selector: 'blup-working-group-fields',
  imports: [PersonFields, MatButton, Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset>
      <legend>{{ 'initiatives.membersTitle' | t }}</legend>
      @for (member of members().controls; track member; let n = $index) {
        <div class="member" [attr.data-testid]="'member-' + n">
          <blup-person-fields
            [group]="member"
            [candidates]="candidates()"
            [label]="'initiatives.memberNumber' | t: { number: n + 1 }"
            [testId]="'member-' + n"
          />
          <button matButton type="button" (click)="members().removeAt(n)">
            <blup-icon matButtonIcon name="delete" />
            {{ 'initiatives.removeMember' | t: { number: n + 1 } }}
          </button>
        </div>
      }
      <button matButton="tonal" type="button" data-testid="add-member" (click)="add()">
        <blup-icon matButtonIcon name="add" />
        {{ 'initiatives.addMember' | t }}
      </button>
    </fieldset>
  `,
  styles: [
    FIELDSET_STYLES,
    `
      .member {
        padding: 12px;
        border-radius: 12px;
        background: var(--mat-sys-surface-container-low);
      }
      button {
        min-block-size: 48px;
      }
    `,
  ],
})
export class WorkingGroupFields {
  readonly members = input.required<FormArray<PersonGroup>>();
  readonly candidates = input.required<readonly InitiativeCandidateDto[]>();

  protected add(): void {
    this.members().push(personGroup(null, OTHER));
  }
}

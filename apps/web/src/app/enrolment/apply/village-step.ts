import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { LocalDatePipe } from '@blup/web/core';
import { ApplyForm, VILLAGE_PAGE_SIZE } from './apply-form';
import { APPLY_STEP_IMPORTS, APPLY_STEP_STYLES, inParentForm } from './apply-step';

/** Step 1 of the application: the offering, the municipality and the village (known or new). */
@Component({
  selector: 'blup-apply-village-step',
  imports: [
    ...APPLY_STEP_IMPORTS,
    MatSelect,
    MatOption,
    MatRadioGroup,
    MatRadioButton,
    LocalDatePipe,
  ],
  viewProviders: [inParentForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fields">
      @if (offerings().length > 1) {
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'enrolment.apply.offering' | t }}</mat-label>
          <mat-select formControlName="offeringId" data-testid="offering">
            @for (o of offerings(); track o.id) {
              <mat-option [value]="o.id">{{ o.name }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ 'enrolment.apply.offeringHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.offeringId | fieldError }}</mat-error>
        </mat-form-field>
      } @else if (offering(); as o) {
        <p class="offering" data-testid="offering-name">
          {{ 'enrolment.apply.offering' | t }}:
          <strong>{{
            o.startsOn
              ? ('enrolment.apply.offeringStarts'
                | t: { name: o.name, date: (o.startsOn | localDate) })
              : o.name
          }}</strong>
        </p>
      }
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'enrolment.apply.municipality' | t }}</mat-label>
        <mat-select formControlName="municipalityId" data-testid="municipality">
          @for (m of municipalities(); track m.id) {
            <mat-option [value]="m.id">{{ m.name }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form.controls.municipalityId | fieldError }}</mat-error>
      </mat-form-field>
      <div class="choice">
        <span class="choice-label" id="village-mode-label">{{
          'enrolment.apply.villageKind' | t
        }}</span>
        <mat-radio-group
          formControlName="villageMode"
          aria-labelledby="village-mode-label"
          class="radios"
        >
          <mat-radio-button value="new" data-testid="village-new">{{
            'enrolment.apply.newVillage' | t
          }}</mat-radio-button>
          <mat-radio-button value="existing" data-testid="village-existing">{{
            'enrolment.apply.existingVillage' | t
          }}</mat-radio-button>
        </mat-radio-group>
      </div>
      @if (mode() === 'existing') {
        @if (villagesTotal() > villagePageSize || villageSearch.value) {
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'enrolment.apply.villageSearch' | t }}</mat-label>
            <input
              matInput
              type="search"
              [formControl]="villageSearch"
              autocomplete="off"
              data-testid="village-search"
            />
            <mat-hint>{{ 'enrolment.apply.villageSearchHint' | t }}</mat-hint>
          </mat-form-field>
        }
        @if (villages().length) {
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'enrolment.apply.village' | t }}</mat-label>
            <mat-select formControlName="villageId" data-testid="village">
              @for (v of villages(); track v.id) {
                <mat-option [value]="v.id">{{ v.name }}</mat-option>
              }
            </mat-select>
            @if (villagesTotal() > villages().length) {
              <mat-hint data-testid="villages-shown">{{
                'enrolment.apply.villagesShown'
                  | t: { shown: villages().length, total: villagesTotal() }
              }}</mat-hint>
            }
            <mat-error>{{ form.controls.villageId | fieldError }}</mat-error>
          </mat-form-field>
        } @else if (villageOptions.hasValue()) {
          <p class="hint">
            {{
              (villageSearch.value
                ? 'enrolment.apply.noVillageMatch'
                : 'enrolment.apply.noVillages'
              ) | t
            }}
          </p>
        }
      } @else {
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'enrolment.apply.villageName' | t }}</mat-label>
          <input
            matInput
            formControlName="villageName"
            autocomplete="off"
            data-testid="village-name"
          />
          <mat-hint>{{ 'enrolment.apply.villageNameHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.villageName | fieldError }}</mat-error>
        </mat-form-field>
      }
    </div>
  `,
  styles: [
    APPLY_STEP_STYLES,
    `
      .offering {
        margin: 0 0 12px;
        font: var(--mat-sys-body-large);
      }
    `,
  ],
})
export class ApplyVillageStep {
  private readonly model = inject(ApplyForm);
  protected readonly form = this.model.form;
  protected readonly offerings = this.model.offerings;
  protected readonly offering = this.model.offering;
  protected readonly municipalities = this.model.municipalities;
  protected readonly mode = this.model.mode;
  protected readonly villageSearch = this.model.villageSearch;
  protected readonly villageOptions = this.model.villageOptions;
  protected readonly villages = this.model.villages;
  protected readonly villagesTotal = this.model.villagesTotal;
  protected readonly villagePageSize = VILLAGE_PAGE_SIZE;
}

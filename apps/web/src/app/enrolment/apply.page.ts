import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { type ApplicationReceiptDto } from '@blup/contracts';
import { EnrolmentApi } from '@blup/web/core';
import { Notice } from '@blup/web/ui';
import { submitter } from '../shared/submitter';
import { APPLY_STEPS, ApplyForm, type ApplyStep } from './apply/apply-form';
import { ApplyCooperationStep } from './apply/cooperation-step';
import { ApplyGroupStep } from './apply/group-step';
import { ApplyMunicipalityStep } from './apply/municipality-step';
import { ApplyVillageStep } from './apply/village-step';
import { Checklist } from './checklist';
import { PAGE_PARTS } from '../shared/page-parts';

/**
 * `/enrolment/apply` and `/enrolment/apply/:offeringId` (public): a village applies for a full
 * BLUP process, in four short steps made for a phone. The three requirements are shown as a
 * live checklist (the same pure function the API decides with); sending leads to the receipt.
 * Each step is its own component bound to the one form in `ApplyForm`.
 */
@Component({
  selector: 'blup-apply-page',
  imports: [
    PAGE_PARTS,
    ReactiveFormsModule,
    Notice,
    Checklist,
    ApplyVillageStep,
    ApplyMunicipalityStep,
    ApplyGroupStep,
    ApplyCooperationStep,
  ],
  providers: [ApplyForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header
      [heading]="'enrolment.apply.title' | t"
      [subheading]="'enrolment.apply.intro' | t"
    />
    <blup-load-state [loading]="options.isLoading()" [error]="options.error()" />
    @if (options.hasValue() && !offerings().length) {
      <blup-notice icon="cohort" [message]="'enrolment.apply.noOffering' | t">
        <a matButton="filled" routerLink="/enrolment/info-meetings">
          {{ 'enrolment.receipt.infoMeetings' | t }}
        </a>
      </blup-notice>
    } @else if (options.hasValue()) {
      <div class="layout">
        <form
          class="form"
          novalidate
          [formGroup]="form"
          (ngSubmit)="send()"
          data-testid="apply-form"
        >
          <ol
            class="progress"
            [attr.aria-label]="
              'enrolment.apply.stepOf' | t: { step: index() + 1, total: steps.length }
            "
          >
            @for (s of steps; track s; let i = $index) {
              <li
                [class.done]="i < index()"
                [class.current]="i === index()"
                [attr.aria-current]="i === index() ? 'step' : null"
              >
                <span class="visually-hidden">{{ stepKey(s) | t }}</span>
              </li>
            }
          </ol>
          <p class="step-of">
            {{ 'enrolment.apply.stepOf' | t: { step: index() + 1, total: steps.length } }}
          </p>
          <h2 class="step-title" tabindex="-1" data-testid="step-title">
            {{ stepKey(step()) | t }}
          </h2>

          @switch (step()) {
            @case ('village') {
              <blup-apply-village-step />
            }
            @case ('municipality') {
              <blup-apply-municipality-step />
            }
            @case ('group') {
              <blup-apply-group-step />
            }
            @case ('cooperation') {
              <blup-apply-cooperation-step />
            }
          }

          <blup-api-error [error]="submit.error()" />
          <div class="nav">
            @if (index() < steps.length - 1) {
              <button matButton="filled" type="button" (click)="next()" data-testid="next">
                {{ 'enrolment.apply.next' | t }}
                <blup-icon matButtonIcon iconPositionEnd name="next" />
              </button>
            } @else {
              <button
                matButton="filled"
                type="submit"
                [attr.aria-busy]="submit.busy()"
                data-testid="send"
              >
                {{ 'enrolment.apply.submit' | t }}
              </button>
            }
            @if (index() > 0) {
              <button
                matButton="outlined"
                type="button"
                (click)="previous()"
                data-testid="previous"
              >
                <blup-icon matButtonIcon name="back" />
                {{ 'enrolment.apply.previous' | t }}
              </button>
            }
          </div>
        </form>
        <aside class="side">
          <blup-checklist [checklist]="checklist()" [live]="true" />
        </aside>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
      max-inline-size: 1040px;
    }
    .layout {
      display: grid;
      gap: 24px;
      grid-template-columns: minmax(0, 1fr);
    }
    @media (min-width: 840px) {
      .layout {
        grid-template-columns: minmax(0, 1fr) 320px;
        align-items: start;
      }
      .side {
        position: sticky;
        inset-block-start: 16px;
      }
    }
    .form {
      display: flex;
      flex-direction: column;
      min-inline-size: 0;
    }
    .progress {
      display: flex;
      gap: 6px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .progress li {
      flex: 1;
      block-size: 6px;
      border-radius: 3px;
      background: var(--mat-sys-surface-container-highest);
    }
    .progress li.done,
    .progress li.current {
      background: var(--mat-sys-primary);
    }
    .step-of {
      margin: 12px 0 0;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .step-title {
      margin: 4px 0 16px;
      font: var(--mat-sys-headline-small);
      outline: none;
    }
    .nav {
      display: flex;
      flex-direction: column;
      gap: 12px;
      margin-block-start: 24px;
    }
    .nav button {
      min-block-size: 48px;
    }
    @media (min-width: 600px) {
      .nav {
        flex-direction: row-reverse;
        justify-content: flex-end;
      }
    }
    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
})
export class ApplyPage {
  private readonly api = inject(EnrolmentApi);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly model = inject(ApplyForm);

  /** From `/enrolment/apply/:offeringId`. */
  readonly offeringId = input<string>();

  protected readonly steps = APPLY_STEPS;
  protected readonly form = this.model.form;
  protected readonly options = this.model.options;
  protected readonly offerings = this.model.offerings;
  protected readonly villages = this.model.villages;
  protected readonly checklist = this.model.checklist;

  protected readonly index = signal(0);
  protected readonly step = computed(() => APPLY_STEPS[this.index()]);
  protected readonly submit = submitter();

  constructor() {
    effect(() => this.model.pickOffering(this.offeringId()));
  }

  protected stepKey(step: ApplyStep): `enrolment.apply.steps.${ApplyStep}` {
    return `enrolment.apply.steps.${step}`;
  }

  protected next(): void {
    if (!this.stepReady(this.step())) return;
    this.go(this.index() + 1);
  }

  protected previous(): void {
    this.go(this.index() - 1);
  }

  protected send(): void {
    const controls = this.model.stepControls;
    const wrong = APPLY_STEPS.findIndex((s) => controls[s].some((c) => c.invalid));
    if (wrong !== -1 && wrong !== this.index()) {
      this.go(wrong);
      queueMicrotask(() => this.stepReady(APPLY_STEPS[wrong]));
      return;
    }
    this.submit.run(
      this.form,
      () => this.api.apply(this.model.request(), this.model.agreement()),
      (receipt: ApplicationReceiptDto) =>
        void this.router.navigate(['/enrolment/apply/received'], { state: { receipt } }),
    );
  }

  /** Shows what is wrong on a step and puts the focus on the first such field. */
  private stepReady(step: ApplyStep): boolean {
    const controls = this.model.stepControls[step];
    if (controls.every((c) => c.valid || c.disabled)) return true;
    for (const c of controls) c.markAllAsTouched();
    queueMicrotask(() =>
      this.host.nativeElement
        .querySelector<HTMLElement>('form .ng-invalid:is(input, textarea, mat-select)')
        ?.focus(),
    );
    return false;
  }

  private go(index: number): void {
    this.index.set(Math.max(0, Math.min(APPLY_STEPS.length - 1, index)));
    this.host.nativeElement.scrollIntoView?.({ block: 'start' });
    queueMicrotask(() =>
      this.host.nativeElement.querySelector<HTMLElement>('[data-testid="step-title"]')?.focus(),
    );
  }
}

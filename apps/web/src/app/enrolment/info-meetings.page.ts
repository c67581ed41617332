import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { INFO_MEETING_LIMITS, type PublicInfoMeetingDto } from '@blup/contracts';
import { AuthStore, EnrolmentApi, pagedList } from '@blup/web/core';
import { FieldErrorPipe, textControl } from '../shared/forms';
import { ListFrame } from '../shared/list-frame';
import { submitter } from '../shared/submitter';
import { SessionTimePipe } from '../sessions/session-time.pipe';
import { PAGE_PARTS } from '../shared/page-parts';

/**
 * `/enrolment/info-meetings` (public): the coming info meetings, and signing up for one without
 * an account. The link to the meeting comes in the confirmation mail, with a cancel link.
 */
@Component({
  selector: 'blup-info-meetings-page',
  imports: [
    PAGE_PARTS,
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    ListFrame,
    FieldErrorPipe,
    SessionTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header
      [heading]="'enrolment.infoMeetings.title' | t"
      [subheading]="'enrolment.infoMeetings.intro' | t"
    >
      <a matButton="outlined" routerLink="/enrolment/apply">{{
        'enrolment.infoMeetings.applyLink' | t
      }}</a>
    </blup-page-header>
    <blup-list-frame [list]="list" emptyText="enrolment.infoMeetings.empty">
      <ul class="cards" data-testid="info-meetings">
        @for (m of list.items(); track m.id) {
          <li class="card" [attr.data-testid]="'meeting-' + m.id">
            <h2>{{ m.title }}</h2>
            <p class="when">{{ m | sessionTime }}</p>
            @if (m.description) {
              <p class="description">{{ m.description }}</p>
            }
            @if (signedUp() === m.id) {
              <p class="done" role="status" data-testid="signed-up">
                <blup-icon name="check" />
                {{ 'enrolment.infoMeetings.signedUp' | t }}
              </p>
            } @else if (m.full) {
              <p class="meta">{{ 'enrolment.infoMeetings.full' | t }}</p>
            } @else {
              <p class="meta">
                {{ 'enrolment.infoMeetings.seatsLeft' | t: { left: m.placesLeft } }}
              </p>
              @if (open() === m.id) {
                <form
                  class="form"
                  novalidate
                  [formGroup]="form"
                  (ngSubmit)="send(m)"
                  [attr.aria-label]="'enrolment.infoMeetings.signUpTitle' | t: { title: m.title }"
                >
                  <mat-form-field>
                    <mat-label>{{ 'enrolment.infoMeetings.name' | t }}</mat-label>
                    <input
                      matInput
                      formControlName="name"
                      autocomplete="name"
                      data-testid="signup-name"
                    />
                    <mat-error>{{ form.controls.name | fieldError }}</mat-error>
                  </mat-form-field>
                  <mat-form-field>
                    <mat-label>{{ 'enrolment.infoMeetings.email' | t }}</mat-label>
                    <input
                      matInput
                      type="email"
                      inputmode="email"
                      autocomplete="email"
                      formControlName="email"
                      data-testid="signup-email"
                    />
                    <mat-error>{{ form.controls.email | fieldError }}</mat-error>
                  </mat-form-field>
                  <mat-form-field>
                    <mat-label>{{ 'enrolment.infoMeetings.villageName' | t }}</mat-label>
                    <input matInput formControlName="villageName" />
                    <mat-error>{{ form.controls.villageName | fieldError }}</mat-error>
                  </mat-form-field>
                  <mat-form-field>
                    <mat-label>{{ 'enrolment.infoMeetings.municipalityName' | t }}</mat-label>
                    <input matInput formControlName="municipalityName" />
                    <mat-error>{{ form.controls.municipalityName | fieldError }}</mat-error>
                  </mat-form-field>
                  <blup-api-error [error]="submit.error()" />
                  <button
                    matButton="filled"
                    type="submit"
                    class="big"
                    [attr.aria-busy]="submit.busy()"
                    data-testid="signup-send"
                  >
                    {{ 'enrolment.infoMeetings.send' | t }}
                  </button>
                </form>
              } @else {
                <button
                  matButton="filled"
                  type="button"
                  class="big"
                  (click)="openForm(m)"
                  [attr.data-testid]="'signup-' + m.id"
                >
                  {{ 'enrolment.infoMeetings.signUp' | t }}
                </button>
              }
            }
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: `
    .cards {
      display: flex;
      flex-direction: column;
      gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
      max-inline-size: 720px;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 16px;
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface);
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    p {
      margin: 0;
      font: var(--mat-sys-body-large);
    }
    .when {
      font: var(--mat-sys-title-small);
    }
    .description,
    .meta {
      color: var(--mat-sys-on-surface-variant);
    }
    .description {
      white-space: pre-line;
    }
    .done {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      color: var(--mat-sys-primary);
    }
    .form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-block-start: 12px;
    }
    .big {
      min-block-size: 48px;
      align-self: flex-start;
      margin-block-start: 8px;
    }
    @media (max-width: 599px) {
      .big {
        align-self: stretch;
      }
    }
  `,
})
export class InfoMeetingsPage {
  private readonly api = inject(EnrolmentApi);
  private readonly auth = inject(AuthStore);

  protected readonly list = pagedList<PublicInfoMeetingDto>((query) =>
    this.api.upcomingInfoMeetings({ page: query.page, pageSize: query.pageSize }),
  );
  protected readonly open = signal<string | null>(null);
  protected readonly signedUp = signal<string | null>(null);
  protected readonly submit = submitter();

  protected readonly form = new FormGroup({
    name: textControl(INFO_MEETING_LIMITS.name, Validators.required),
    email: textControl(INFO_MEETING_LIMITS.email, Validators.required, Validators.email),
    villageName: textControl(INFO_MEETING_LIMITS.place),
    municipalityName: textControl(INFO_MEETING_LIMITS.place),
  });

  protected openForm(m: PublicInfoMeetingDto): void {
    const user = this.auth.user();
    this.form.reset({
      name: user?.name ?? '',
      email: user?.email ?? '',
      villageName: user?.villageName ?? '',
      municipalityName: user?.municipalityName ?? '',
    });
    this.submit.error.set(null);
    this.open.set(m.id);
  }

  protected send(m: PublicInfoMeetingDto): void {
    const v = this.form.getRawValue();
    this.submit.run(
      this.form,
      () =>
        this.api.signUpForInfoMeeting(m.id, {
          name: v.name.trim(),
          email: v.email.trim(),
          villageName: v.villageName.trim() || null,
          municipalityName: v.municipalityName.trim() || null,
        }),
      () => {
        this.open.set(null);
        this.signedUp.set(m.id);
        this.list.reload();
      },
    );
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { HOTLINE_LIMITS } from '@blup/contracts';
import { AuthStore, HotlineApi } from '@blup/web/core';
import { debounceTime, distinctUntilChanged, map, of } from 'rxjs';
import { FORM_FIELDS } from '../shared/form-fields';
import { PAGE_PARTS } from '../shared/page-parts';
import { SubmitForm } from '../shared/submit-form';
import { submitter } from '../shared/submitter';

/** Where a question may come from: a path in the app, else the front page. */
function safePath(from: string | undefined): string {
  return from && /^\/(?!\/)\S*$/.test(from) && from.length <= HOTLINE_LIMITS.pagePathMaxLength
    ? from
    : '/';
}

/**
 * `/hjaelp/spoerg?fra=<page>`: a short form to ask the secretariat. While the person writes what
 * it is about, the published FAQ entries that match show first ("maybe this answers it"); the
 * page they came from and their village go with the question.
 */
@Component({
  selector: 'blup-hotline-ask-page',
  imports: [PAGE_PARTS, FORM_FIELDS, SubmitForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header [heading]="'hotline.askTitle' | t" [subheading]="'hotline.askIntro' | t" />
    <blup-submit-form
      [submitter]="submit"
      [submitLabel]="'hotline.send' | t"
      submitTestId="hotline-send"
      testId="hotline-ask"
      (submitted)="send()"
    >
      <blup-text-field
        [control]="form.controls.subject"
        [label]="'hotline.subject' | t"
        testId="hotline-subject"
      />
      @if (suggestions.hasValue() && suggestions.value(); as faq) {
        <section class="faq" aria-live="polite" data-testid="hotline-faq-suggestions">
          @if (faq.items.length) {
            <h2>{{ 'hotline.faqFirst' | t }}</h2>
            @for (entry of faq.items; track entry.id) {
              <details data-testid="hotline-faq-suggestion">
                <summary>{{ entry.question }}</summary>
                <p class="answer">{{ entry.answer }}</p>
              </details>
            }
          } @else {
            <p class="none">{{ 'hotline.faqNone' | t }}</p>
          }
        </section>
      }
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'hotline.body' | t }}</mat-label>
        <textarea
          matInput
          rows="5"
          [formControl]="form.controls.body"
          data-testid="hotline-body"
        ></textarea>
        <mat-error>{{ form.controls.body | fieldError }}</mat-error>
      </mat-form-field>
      <p class="context" data-testid="hotline-context">
        @if (villageName(); as village) {
          {{ 'hotline.fromPageVillage' | t: { page: pagePath(), village } }}
        } @else {
          {{ 'hotline.fromPage' | t: { page: pagePath() } }}
        }
      </p>
    </blup-submit-form>
  `,
  styles: `
    :host {
      display: block;
      max-inline-size: 640px;
    }
    .faq {
      display: grid;
      gap: 8px;
      margin-block-end: 8px;
    }
    h2 {
      margin: 8px 0 0;
      font: var(--mat-sys-title-medium);
    }
    details {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      padding: 0 16px;
    }
    summary {
      min-block-size: 48px;
      display: flex;
      align-items: center;
      cursor: pointer;
      font: var(--mat-sys-body-large);
    }
    .answer {
      white-space: pre-wrap;
      margin: 0 0 16px;
    }
    .none,
    .context {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
      overflow-wrap: anywhere;
    }
  `,
})
export class AskPage {
  private readonly api = inject(HotlineApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  /** `?fra=`: the page the person asked from. */
  readonly fra = input<string>();
  protected readonly pagePath = computed(() => safePath(this.fra()));
  protected readonly villageName = computed(() => this.auth.user()?.villageName ?? null);
  protected readonly submit = submitter();
  protected readonly form = inject(NonNullableFormBuilder).group({
    subject: ['', [Validators.required, Validators.maxLength(HOTLINE_LIMITS.subjectMaxLength)]],
    body: ['', [Validators.required, Validators.maxLength(HOTLINE_LIMITS.bodyMaxLength)]],
  });

  private readonly subject = toSignal(
    this.form.controls.subject.valueChanges.pipe(
      map((value) => value.trim()),
      debounceTime(350),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly suggestions = rxResource({
    params: () => this.subject(),
    stream: ({ params }) =>
      params.length >= 3 ? this.api.faqList({ q: params, pageSize: 5 }) : of(null),
  });

  protected send(): void {
    const { subject, body } = this.form.getRawValue();
    this.submit.run(
      this.form,
      () => this.api.ask({ subject, body, pagePath: this.pagePath() }),
      (asked) => void this.router.navigate(['/hjaelp', asked.id]),
    );
  }
}

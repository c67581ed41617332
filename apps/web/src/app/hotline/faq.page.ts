import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { HOTLINE_LIMITS, type HotlineFaqDto } from '@blup/contracts';
import { HotlineApi, pagedList } from '@blup/web/core';
import { FORM_FIELDS } from '../shared/form-fields';
import { ListFrame } from '../shared/list-frame';
import { PAGE_PARTS } from '../shared/page-parts';
import { SubmitForm } from '../shared/submit-form';
import { submitter } from '../shared/submitter';

/**
 * `/hotline/faq`: the secretariat's FAQ: write an entry, publish or hide it, delete it. Published
 * entries show on the ask form before people send a question.
 */
@Component({
  selector: 'blup-hotline-faq-page',
  imports: [PAGE_PARTS, FORM_FIELDS, ListFrame, SubmitForm, MatCheckbox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a matButton routerLink="/hotline">
      <blup-icon matButtonIcon name="back" />
      {{ 'nav.hotline' | t }}
    </a>
    <blup-page-header [heading]="'hotline.faqTitle' | t" [subheading]="'hotline.faqIntro' | t" />
    <details class="new">
      <summary>{{ 'hotline.faqNew' | t }}</summary>
      <blup-submit-form
        [submitter]="create"
        [submitLabel]="'hotline.faqCreate' | t"
        submitTestId="hotline-faq-create"
        (submitted)="save()"
      >
        <blup-text-field
          [control]="form.controls.question"
          [label]="'hotline.faqQuestion' | t"
          testId="hotline-faq-new-question"
        />
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'hotline.faqAnswer' | t }}</mat-label>
          <textarea matInput rows="5" [formControl]="form.controls.answer"></textarea>
          <mat-error>{{ form.controls.answer | fieldError }}</mat-error>
        </mat-form-field>
        <mat-checkbox [formControl]="form.controls.published">
          {{ 'hotline.faqPublishNow' | t }}
        </mat-checkbox>
      </blup-submit-form>
    </details>
    <blup-api-error [error]="change.error()" />
    <blup-list-frame [list]="list" emptyText="hotline.faqEmpty" searchLabel="common.search">
      <ul class="entries">
        @for (entry of list.items(); track entry.id) {
          <li class="entry" data-testid="hotline-faq-entry">
            <strong>{{ entry.question }}</strong>
            <p class="answer">{{ entry.answer }}</p>
            <p class="status">
              {{ (entry.published ? 'hotline.faqPublished' : 'hotline.faqDraft') | t }}
            </p>
            <div class="actions">
              <button matButton="outlined" type="button" (click)="toggle(entry)">
                {{ (entry.published ? 'hotline.faqUnpublish' : 'hotline.faqPublish') | t }}
              </button>
              <button matButton type="button" (click)="remove(entry)">
                {{ 'hotline.faqDelete' | t }}
              </button>
            </div>
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: `
    :host {
      display: block;
      max-inline-size: 720px;
    }
    .new {
      margin-block-end: 24px;
    }
    summary {
      min-block-size: 48px;
      display: flex;
      align-items: center;
      cursor: pointer;
      font: var(--mat-sys-title-medium);
    }
    .entries {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    .entry {
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
    .answer {
      white-space: pre-wrap;
    }
    .status {
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    button {
      min-block-size: 48px;
    }
  `,
})
export class FaqPage {
  private readonly api = inject(HotlineApi);
  protected readonly create = submitter();
  protected readonly change = submitter();
  protected readonly form = inject(NonNullableFormBuilder).group({
    question: [
      '',
      [Validators.required, Validators.maxLength(HOTLINE_LIMITS.faqQuestionMaxLength)],
    ],
    answer: ['', [Validators.required, Validators.maxLength(HOTLINE_LIMITS.faqAnswerMaxLength)]],
    published: [true],
  });
  protected readonly list = pagedList<HotlineFaqDto>((query) => this.api.faqList(query));

  protected save(): void {
    this.create.run(
      this.form,
      () => this.api.createFaq(this.form.getRawValue()),
      () => {
        this.form.reset({ question: '', answer: '', published: true });
        this.list.reload();
      },
    );
  }

  protected toggle(entry: HotlineFaqDto): void {
    this.change.run(
      null,
      () => this.api.updateFaq(entry.id, { published: !entry.published }),
      () => this.list.reload(),
    );
  }

  protected remove(entry: HotlineFaqDto): void {
    this.change.run(
      null,
      () => this.api.deleteFaq(entry.id),
      () => this.list.reload(),
    );
  }
}

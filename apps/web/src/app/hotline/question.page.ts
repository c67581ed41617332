import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  HOTLINE_LIMITS,
  HotlineState,
  type HotlineMessageDto,
  type HotlineThreadDto,
} from '@blup/contracts';
import { AuthStore, HotlineApi, I18nService, isSecretariat } from '@blup/web/core';
import { FORM_FIELDS } from '../shared/form-fields';
import { PAGE_PARTS } from '../shared/page-parts';
import { SubmitForm } from '../shared/submit-form';
import { submitter } from '../shared/submitter';
import {
  STATES_IN_ORDER,
  askerStateKey,
  dateTime,
  durationText,
  hotlineStateKey,
} from './hotline-labels';

/**
 * One question with its history: `/hjaelp/:id` for the asker (reply in the app, close it),
 * `/hotline/:id` for the secretariat (answer, change the state, save an answer as FAQ). The first
 * response time shows for both.
 */
@Component({
  selector: 'blup-hotline-question-page',
  imports: [PAGE_PARTS, FORM_FIELDS, SubmitForm, MatCheckbox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a matButton [routerLink]="secretariat() ? '/hotline' : '/hjaelp'">
      <blup-icon matButtonIcon name="back" />
      {{ (secretariat() ? 'nav.hotline' : 'nav.myQuestions') | t }}
    </a>
    <blup-load-state [loading]="thread.isLoading()" [error]="thread.error()" />
    @if (thread.hasValue()) {
      @let q = thread.value();
      <blup-page-header [heading]="q.subject" />
      <p class="state" data-testid="hotline-state">
        {{ (secretariat() ? stateKey(q.state) : askerStateKey(q.state)) | t }}
      </p>
      <div class="facts">
        @if (secretariat()) {
          <p>
            {{ 'hotline.asker' | t: { name: q.askerName } }}
            @if (q.villageName) {
              · {{ q.villageName }}
            }
            @if (q.municipalityName) {
              · {{ q.municipalityName }}
            }
          </p>
        }
        <p>
          {{ 'hotline.askedFrom' | t }}
          <a [routerLink]="q.pagePath" data-testid="hotline-page-link">{{ q.pagePath }}</a>
        </p>
        <p data-testid="hotline-first-response">
          @if (q.firstResponseMinutes !== null) {
            {{
              'hotline.firstResponse'
                | t
                  : {
                      time:
                        (duration(q.firstResponseMinutes).key
                        | t: duration(q.firstResponseMinutes).params),
                    }
            }}
          } @else {
            {{ 'hotline.noResponseYet' | t }}
          }
        </p>
      </div>

      <ol class="messages">
        @for (m of q.messages; track m.id) {
          <li class="message" [class.mine]="!m.fromSecretariat" data-testid="hotline-message">
            <p class="who">
              <strong>{{ author(m, q) }}</strong>
              <span>{{ when(m.createdAt) }}</span>
              @if (m.via === 'mail') {
                <span>· {{ 'hotline.viaMail' | t }}</span>
              }
            </p>
            <p class="body">{{ m.body }}</p>
            @if (secretariat() && m.fromSecretariat) {
              @if (faqFor() === m.id) {
                <blup-submit-form
                  [submitter]="faqSubmit"
                  [submitLabel]="'hotline.saveAsFaq' | t"
                  submitTestId="hotline-faq-save"
                  (submitted)="saveFaq(q, m)"
                >
                  <blup-text-field
                    [control]="faqForm.controls.question"
                    [label]="'hotline.faqQuestion' | t"
                    testId="hotline-faq-question"
                  />
                  <mat-checkbox [formControl]="faqForm.controls.published">
                    {{ 'hotline.faqPublishNow' | t }}
                  </mat-checkbox>
                </blup-submit-form>
              } @else {
                <button
                  matButton
                  type="button"
                  data-testid="hotline-faq-open"
                  (click)="openFaq(q, m)"
                >
                  {{ 'hotline.saveAsFaq' | t }}
                </button>
              }
            }
          </li>
        }
      </ol>
      @if (faqSaved()) {
        <p role="status" class="saved">{{ 'hotline.faqSaved' | t }}</p>
      }

      @if (q.state === closed && !secretariat()) {
        <p class="closed" data-testid="hotline-closed">{{ 'hotline.closedNote' | t }}</p>
      } @else if (q.state !== closed) {
        <blup-submit-form
          [submitter]="reply"
          [submitLabel]="(secretariat() ? 'hotline.answerSend' : 'hotline.replySend') | t"
          submitTestId="hotline-reply-send"
          testId="hotline-reply"
          (submitted)="send(q)"
        >
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>
              {{
                secretariat()
                  ? ('hotline.answer' | t: { name: q.askerName })
                  : ('hotline.reply' | t)
              }}
            </mat-label>
            <textarea
              matInput
              rows="5"
              [formControl]="replyForm.controls.body"
              data-testid="hotline-reply-body"
            ></textarea>
            @if (secretariat()) {
              <mat-hint>{{ 'hotline.answerHint' | t }}</mat-hint>
            }
            <mat-error>{{ replyForm.controls.body | fieldError }}</mat-error>
          </mat-form-field>
        </blup-submit-form>
      }

      <blup-api-error [error]="stateChange.error()" />
      <div class="state-actions">
        @if (secretariat()) {
          @for (s of states; track s) {
            @if (s !== q.state) {
              <button
                matButton="outlined"
                type="button"
                [attr.data-testid]="'hotline-set-' + s"
                (click)="setState(q, s)"
              >
                {{ 'hotline.setState' | t: { state: (stateKey(s) | t) } }}
              </button>
            }
          }
        } @else if (q.state !== closed) {
          <button
            matButton="outlined"
            type="button"
            data-testid="hotline-close"
            (click)="setState(q, closed)"
          >
            {{ 'hotline.closeMine' | t }}
          </button>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
      max-inline-size: 720px;
    }
    .state {
      margin: -16px 0 8px;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
    }
    .facts {
      display: grid;
      gap: 4px;
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .facts p {
      margin: 0;
    }
    .messages {
      list-style: none;
      margin: 0 0 16px;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    .message {
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .message.mine {
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    .who {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      margin: 0 0 4px;
      font: var(--mat-sys-body-medium);
    }
    .body {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-large);
    }
    .closed,
    .saved {
      font: var(--mat-sys-body-large);
    }
    .state-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-block-start: 16px;
    }
    button {
      min-block-size: 48px;
    }
  `,
})
export class QuestionPage {
  private readonly api = inject(HotlineApi);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly id = input.required<string>();
  protected readonly closed = HotlineState.Closed;
  protected readonly states = STATES_IN_ORDER;
  protected readonly stateKey = hotlineStateKey;
  protected readonly askerStateKey = askerStateKey;
  protected readonly duration = durationText;
  protected readonly secretariat = computed(() => isSecretariat(this.auth.user()));
  protected readonly thread = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.thread(params),
  });
  protected readonly reply = submitter();
  protected readonly stateChange = submitter();
  protected readonly faqSubmit = submitter();
  protected readonly faqFor = signal<string | null>(null);
  protected readonly faqSaved = signal(false);
  protected readonly replyForm = this.fb.group({
    body: ['', [Validators.required, Validators.maxLength(HOTLINE_LIMITS.bodyMaxLength)]],
  });
  protected readonly faqForm = this.fb.group({
    question: [
      '',
      [Validators.required, Validators.maxLength(HOTLINE_LIMITS.faqQuestionMaxLength)],
    ],
    published: [true],
  });

  protected author(m: HotlineMessageDto, q: HotlineThreadDto): string {
    if (m.fromSecretariat) {
      return m.authorName && this.secretariat() ? m.authorName : this.i18n.t('hotline.secretariat');
    }
    return this.secretariat() ? q.askerName : this.i18n.t('hotline.you');
  }

  protected when(iso: string): string {
    return dateTime(iso, this.i18n.locale());
  }

  protected send(q: HotlineThreadDto): void {
    this.reply.run(
      this.replyForm,
      () => this.api.write(q.id, this.replyForm.getRawValue().body),
      (updated) => {
        this.replyForm.reset();
        this.thread.set(updated);
      },
    );
  }

  protected setState(q: HotlineThreadDto, state: HotlineState): void {
    this.stateChange.run(
      null,
      () => this.api.setState(q.id, state),
      (updated) => this.thread.set(updated),
    );
  }

  protected openFaq(q: HotlineThreadDto, m: HotlineMessageDto): void {
    this.faqSaved.set(false);
    this.faqForm.reset({ question: q.subject, published: true });
    this.faqFor.set(m.id);
  }

  protected saveFaq(q: HotlineThreadDto, m: HotlineMessageDto): void {
    const { question, published } = this.faqForm.getRawValue();
    this.faqSubmit.run(
      this.faqForm,
      () => this.api.saveAsFaq(q.id, { messageId: m.id, question, published }),
      () => {
        this.faqFor.set(null);
        this.faqSaved.set(true);
      },
    );
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { MyVotesDto, PublicIdeaDto } from '@blup/contracts';
import { ApiError, IdeasApi, TranslatePipe } from '@blup/web/core';
import { PageHeader } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { deviceKey } from './device-key';
import { VOTE_STYLES } from './vote-styles';

/**
 * `/stem/:token`: a resident's dot-voting page, opened from a link or the QR poster, without an
 * account. Light on purpose (native buttons and fields, no Angular Material): big + and − targets
 * per idea, the dots left, "I would like to help" with name, contact and consent, saved on
 * submit. The phone keeps a random key, so the page shows its dots again on return.
 */
@Component({
  selector: 'blup-vote-page',
  imports: [PageHeader, ApiErrorMessage, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: VOTE_STYLES,
  template: `
    <div class="narrow">
      @if (gone()) {
        <blup-page-header [heading]="'ideas.public.closed' | t" />
      } @else if (unknown()) {
        <blup-page-header [heading]="'ideas.public.unknown' | t" />
      } @else if (list.hasValue()) {
        @let l = list.value();
        <blup-page-header [heading]="l.title" [subheading]="l.villageName" />
        @if (l.intro) {
          <p class="intro">{{ l.intro }}</p>
        }
        <form novalidate data-testid="vote-form" (submit)="submit($event)">
          <ul class="ideas">
            @for (idea of l.ideas; track idea.id) {
              <li class="idea" data-testid="vote-idea">
                <h2 [id]="'idea-' + idea.id">{{ idea.title }}</h2>
                @if (idea.description) {
                  <p class="description">{{ idea.description }}</p>
                }
                <div class="dots-row">
                  <button
                    type="button"
                    class="dot-button"
                    data-testid="remove-dot"
                    [disabled]="dotsOn(idea) === 0"
                    [attr.aria-label]="'ideas.public.removeDot' | t: { title: idea.title }"
                    (click)="change(idea, -1)"
                  >
                    −
                  </button>
                  <span class="mine" aria-live="polite" data-testid="my-dots">
                    <span class="pips" aria-hidden="true">
                      @for (pip of pips(dotsOn(idea)); track $index) {
                        <span class="pip"></span>
                      }
                    </span>
                    {{ 'ideas.public.yourDots' | t: { count: dotsOn(idea) } }}
                  </span>
                  <button
                    type="button"
                    class="dot-button"
                    data-testid="add-dot"
                    [disabled]="left() === 0"
                    [attr.aria-label]="'ideas.public.addDot' | t: { title: idea.title }"
                    (click)="change(idea, 1)"
                  >
                    +
                  </button>
                </div>
                <label class="check">
                  <input
                    type="checkbox"
                    data-testid="help"
                    [checked]="help().has(idea.id)"
                    (change)="toggleHelp(idea.id)"
                  />
                  {{ 'ideas.public.help' | t }}
                </label>
              </li>
            }
          </ul>

          @if (help().size > 0) {
            <fieldset class="helper" data-testid="helper">
              <legend>{{ 'ideas.public.helperHeading' | t }}</legend>
              <p class="hint">{{ 'ideas.public.helperHint' | t }}</p>
              <label for="helper-name">{{ 'ideas.public.name' | t }}</label>
              <input
                id="helper-name"
                autocomplete="name"
                data-testid="helper-name"
                maxlength="120"
                [value]="name()"
                [attr.aria-invalid]="showMissing() && !name().trim()"
                (input)="name.set(value($event))"
              />
              @if (showMissing() && !name().trim()) {
                <p class="field-error">{{ 'ideas.public.nameRequired' | t }}</p>
              }
              <label for="helper-email">{{ 'ideas.public.email' | t }}</label>
              <input
                id="helper-email"
                type="email"
                autocomplete="email"
                inputmode="email"
                maxlength="254"
                data-testid="helper-email"
                [value]="email()"
                (input)="email.set(value($event))"
              />
              <label for="helper-phone">{{ 'ideas.public.phone' | t }}</label>
              <input
                id="helper-phone"
                type="tel"
                autocomplete="tel"
                maxlength="30"
                data-testid="helper-phone"
                [value]="phone()"
                (input)="phone.set(value($event))"
              />
              <label class="check">
                <input
                  type="checkbox"
                  data-testid="helper-consent"
                  [checked]="consent()"
                  (change)="consent.set(!consent())"
                />
                {{ 'ideas.public.consent' | t }}
              </label>
              @if (showMissing() && !consent()) {
                <p class="field-error">{{ 'ideas.public.consentRequired' | t }}</p>
              }
            </fieldset>
          }

          <div class="bar">
            <p class="left" aria-live="polite" data-testid="dots-left">
              {{ 'ideas.public.dotsLeft' | t: { count: left() } }}
            </p>
            <button
              class="submit"
              type="submit"
              data-testid="submit-votes"
              [attr.aria-busy]="busy()"
            >
              {{ 'ideas.public.submit' | t }}
            </button>
          </div>
          @if (saved()) {
            <p class="saved" role="status" data-testid="votes-saved">
              {{ 'ideas.public.saved' | t }}
            </p>
          }
          <blup-api-error [error]="error()" />
        </form>
      } @else {
        <blup-api-error [error]="list.error()" />
      }
    </div>
  `,
})
export class VotePage {
  private readonly api = inject(IdeasApi);
  readonly token = input.required<string>();

  private readonly key = deviceKey();
  protected readonly list = rxResource({
    params: () => this.token(),
    stream: ({ params }) => this.api.publicList(params),
  });
  private readonly mine = rxResource({
    params: () => (this.list.hasValue() ? this.token() : undefined),
    stream: ({ params }) => this.api.myVotes(params, this.key),
  });

  protected readonly dots = signal<ReadonlyMap<string, number>>(new Map());
  protected readonly help = signal<ReadonlySet<string>>(new Set());
  protected readonly name = signal('');
  protected readonly email = signal('');
  protected readonly phone = signal('');
  protected readonly consent = signal(false);
  protected readonly showMissing = signal(false);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<unknown>(null);
  private readonly closedBySave = signal(false);

  protected readonly left = computed(() => {
    const per = this.list.hasValue() ? this.list.value().dotsPerPerson : 0;
    let used = 0;
    for (const n of this.dots().values()) used += n;
    return Math.max(0, per - used);
  });
  protected readonly gone = computed(
    () => this.closedBySave() || status(this.list.error()) === 410,
  );
  protected readonly unknown = computed(() => status(this.list.error()) === 404);

  constructor() {
    effect(() => {
      if (this.mine.hasValue()) this.show(this.mine.value());
    });
  }

  protected dotsOn(idea: PublicIdeaDto): number {
    return this.dots().get(idea.id) ?? 0;
  }

  protected pips(count: number): number[] {
    return Array.from({ length: count }, (_, i) => i);
  }

  protected change(idea: PublicIdeaDto, by: 1 | -1): void {
    if (by > 0 && this.left() === 0) return;
    const next = new Map(this.dots());
    const value = Math.max(0, (next.get(idea.id) ?? 0) + by);
    if (value === 0) next.delete(idea.id);
    else next.set(idea.id, value);
    this.dots.set(next);
    this.saved.set(false);
  }

  protected toggleHelp(ideaId: string): void {
    const next = new Set(this.help());
    if (!next.delete(ideaId)) next.add(ideaId);
    this.help.set(next);
    this.saved.set(false);
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const help = [...this.help()];
    if (help.length && (!this.name().trim() || !this.consent())) {
      this.showMissing.set(true);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.api
      .vote(this.token(), {
        deviceKey: this.key,
        votes: [...this.dots()].map(([ideaId, dots]) => ({ ideaId, dots })),
        help,
        helper: help.length
          ? {
              name: this.name().trim(),
              email: this.email().trim() || null,
              phone: this.phone().trim() || null,
              consent: this.consent(),
            }
          : null,
      })
      .subscribe({
        next: (mine) => {
          this.busy.set(false);
          this.show(mine);
          this.saved.set(true);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          if (status(error) === 410) this.closedBySave.set(true);
          else this.error.set(error);
        },
      });
  }

  private show(mine: MyVotesDto): void {
    this.dots.set(new Map(mine.votes.map((v) => [v.ideaId, v.dots])));
    this.help.set(new Set(mine.help));
    if (mine.helper) {
      this.name.set(mine.helper.name);
      this.email.set(mine.helper.email ?? '');
      this.phone.set(mine.helper.phone ?? '');
      this.consent.set(true);
    }
  }
}

function status(error: unknown): number | null {
  return error instanceof ApiError ? error.status : null;
}

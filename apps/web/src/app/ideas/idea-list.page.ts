import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { IDEA_LIMITS, IdeaListStatus } from '@blup/contracts';
import { IdeasApi } from '@blup/web/core';
import { CopyField } from '@blup/web/ui';
import { PlainTextField } from '../auth/plain-text-field';
import { PAGE_PARTS } from '../shared/page-parts';
import { submitter } from '../shared/submitter';
import { ideaListStatusKey } from './idea-labels';
import { IdeaRankRow } from './idea-rank-row';
import { IdeaEditorList } from './idea-editor-list';
import { SurveyIdeaPicker } from './survey-idea-picker';

/** How often the ranking refreshes while the page is visible. */
const REFRESH_MS = 4000;

/**
 * `/ideas/:id`: one idea list for its steering group (coordinators read it): open and close the
 * vote, share the link and the QR poster, add ideas, and follow the live ranking (refreshed every
 * few seconds while the page is visible), with paper dots, helpers and "make it an initiative"
 * on each idea.
 */
@Component({
  selector: 'blup-idea-list-page',
  imports: [
    PAGE_PARTS,
    ReactiveFormsModule,
    PlainTextField,
    CopyField,
    IdeaRankRow,
    SurveyIdeaPicker,
    IdeaEditorList,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="list.isLoading() && !list.hasValue()" [error]="list.error()" />
    @if (list.hasValue()) {
      @let l = list.value();
      <a matButton [routerLink]="['/villages', l.villageId, 'ideas']">
        <blup-icon matButtonIcon name="back" />
        {{ 'ideas.back' | t }}
      </a>
      <blup-page-header [heading]="l.title" [subheading]="statusKey(l.status) | t">
        @if (l.canEdit) {
          @if (l.status === Status.Open) {
            <button
              matButton="outlined"
              type="button"
              data-testid="close-list"
              (click)="setStatus(Status.Closed)"
            >
              {{ 'ideas.close' | t }}
            </button>
          } @else {
            <button
              matButton="filled"
              type="button"
              data-testid="open-list"
              (click)="setStatus(Status.Open)"
            >
              {{ (l.status === Status.Closed ? 'ideas.reopen' : 'ideas.open') | t }}
            </button>
          }
        }
      </blup-page-header>
      <blup-api-error [error]="statusChange.error()" />
      <p>
        {{ 'ideas.count' | t: { count: l.ideaCount } }} ·
        {{ 'ideas.voters' | t: { count: l.voterCount } }}
      </p>

      <section class="share" aria-labelledby="share-title" data-testid="share">
        <h2 id="share-title">{{ 'ideas.share' | t }}</h2>
        <p class="hint" id="share-hint">{{ 'ideas.shareHint' | t }}</p>
        <blup-copy-field
          [value]="l.publicUrl"
          inputId="public-link"
          inputTestId="public-link"
          [ariaLabel]="'ideas.linkLabel' | t"
          describedBy="share-hint"
          [buttonLabel]="'ideas.copyLink' | t"
        />
        <a matButton="tonal" [href]="posterUrl()" download data-testid="poster">
          <blup-icon matButtonIcon name="download" />
          {{ 'ideas.poster' | t }}
        </a>
      </section>

      @if (l.canEdit) {
        <form class="add" novalidate data-testid="add-idea" (submit)="addIdea($event)">
          <h2>{{ 'ideas.addIdea' | t }}</h2>
          <blup-api-error [error]="adding.error()" />
          <blup-plain-text-field
            [control]="form.controls.title"
            [label]="'ideas.ideaTitle' | t"
            testId="idea-title"
          />
          <button matButton="filled" type="submit" data-testid="add-idea-submit">
            <blup-icon matButtonIcon name="add" />
            {{ 'ideas.add' | t }}
          </button>
        </form>
        <blup-survey-idea-picker [villageId]="l.villageId" [listId]="l.id" (added)="refresh()" />
      }

      <section aria-labelledby="ranking-title">
        <h2 id="ranking-title">{{ 'ideas.ranking' | t }}</h2>
        <p class="hint">{{ 'ideas.rankingHint' | t }}</p>
        <blup-api-error [error]="ranking.error()" />
        <ol class="ranking" data-testid="ranking">
          @for (idea of rankedIdeas(); track idea.id) {
            <li>
              <blup-idea-rank-row [idea]="idea" [villageId]="l.villageId" (changed)="refresh()" />
            </li>
          } @empty {
            <li class="hint">{{ 'ideas.noIdeas' | t }}</li>
          }
        </ol>
      </section>

      @if (l.canEdit) {
        <form
          class="dots"
          novalidate
          data-testid="dots-form"
          (submit)="saveDots($event, l.version)"
        >
          @if (l.voterCount > 0) {
            <p>{{ 'ideas.dotsPerPerson' | t }}: {{ l.dotsPerPerson }}</p>
            <p class="hint" data-testid="dots-locked">{{ 'ideas.dotsLocked' | t }}</p>
          } @else {
            <label for="dots-per-person">{{ 'ideas.dotsPerPerson' | t }}</label>
            <select
              id="dots-per-person"
              data-testid="dots-per-person"
              [value]="l.dotsPerPerson"
              (change)="dots.set(+value($event))"
            >
              @for (n of dotChoices; track n) {
                <option [value]="n" [selected]="n === (dots() ?? l.dotsPerPerson)">{{ n }}</option>
              }
            </select>
            <button
              matButton="outlined"
              type="submit"
              data-testid="dots-save"
              [disabled]="(dots() ?? l.dotsPerPerson) === l.dotsPerPerson"
            >
              {{ 'ideas.dotsSave' | t }}
            </button>
          }
          <blup-api-error [error]="dotsChange.error()" />
        </form>

        @if (rankedIdeas().length) {
          <blup-idea-editor-list [ideas]="rankedIdeas()" (changed)="refresh()" />
        }
      }
    }
  `,
  styles: `
    h2 {
      margin: 24px 0 4px;
      font: var(--mat-sys-title-large);
    }
    .hint {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .share,
    .add,
    .dots {
      display: grid;
      gap: 8px;
      max-inline-size: 560px;
    }
    .dots {
      margin-block-start: 24px;
    }
    select {
      block-size: 48px;
      padding-inline: 12px;
      font: var(--mat-sys-body-large);
    }
    .ranking {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
    }
  `,
})
export class IdeaListPage {
  private readonly api = inject(IdeasApi);
  readonly id = input.required<string>();

  protected readonly statusKey = ideaListStatusKey;
  protected readonly Status = IdeaListStatus;
  protected readonly statusChange = submitter();
  protected readonly adding = submitter();
  protected readonly dotsChange = submitter();
  protected readonly dots = signal<number | null>(null);
  protected readonly dotChoices = Array.from(
    { length: IDEA_LIMITS.dotsPerPersonMax - IDEA_LIMITS.dotsPerPersonMin + 1 },
    (_, i) => IDEA_LIMITS.dotsPerPersonMin + i,
  );
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(IDEA_LIMITS.titleMaxLength)]],
  });
  protected readonly list = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.list(params),
  });
  protected readonly ranking = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.ranking(params, { pageSize: IDEA_LIMITS.ideasPerListMax }),
  });
  protected readonly rankedIdeas = computed(() =>
    this.ranking.hasValue() ? this.ranking.value().items : [],
  );
  protected readonly posterUrl = computed(() => this.api.posterUrl(this.id()));

  constructor() {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') this.refresh();
    }, REFRESH_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected refresh(): void {
    this.ranking.reload();
    this.list.reload();
  }

  protected setStatus(status: IdeaListStatus): void {
    if (!this.list.hasValue()) return;
    const version = this.list.value().version;
    this.statusChange.run(
      null,
      () => this.api.updateList(this.id(), { status, version }),
      (updated) => this.list.set(updated),
    );
  }

  protected value(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }

  protected saveDots(event: Event, version: number): void {
    event.preventDefault();
    const dotsPerPerson = this.dots();
    if (dotsPerPerson === null) return;
    this.dotsChange.run(
      null,
      () => this.api.updateList(this.id(), { dotsPerPerson, version }),
      (updated) => {
        this.list.set(updated);
        this.dots.set(null);
      },
    );
  }

  protected addIdea(event: Event): void {
    event.preventDefault();
    const title = this.form.controls.title.value;
    this.adding.run(
      this.form,
      () => this.api.addIdea(this.id(), { title }),
      () => {
        this.form.reset();
        this.refresh();
      },
    );
  }
}

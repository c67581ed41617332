import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { IDEA_LIMITS, type IdeaListDto } from '@blup/contracts';
import { AuthStore, IdeasApi, OrganisationsApi, canEditGoals, pagedList } from '@blup/web/core';
import { PlainTextField } from '../auth/plain-text-field';
import { ListFrame } from '../shared/list-frame';
import { PAGE_PARTS } from '../shared/page-parts';
import { submitter } from '../shared/submitter';
import { ideaListStatusKey } from './idea-labels';

/**
 * `/villages/:villageId/ideas`: the village's idea lists (newest first) and, for its steering
 * group, a short form for a new one; each opens the list's page with its live ranking.
 */
@Component({
  selector: 'blup-idea-lists-page',
  imports: [PAGE_PARTS, ListFrame, ReactiveFormsModule, PlainTextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (villageName(); as name) {
      <a matButton [routerLink]="['/villages', villageId()]">
        <blup-icon matButtonIcon name="back" />
        {{ name }}
      </a>
    }
    <!-- Still loading, or a village one may not see: no nameless link or "Idéer i". -->
    <blup-page-header
      [heading]="
        villageName() ? ('ideas.villageTitle' | t: { village: villageName() }) : ('ideas.title' | t)
      "
      [subheading]="'ideas.intro' | t"
    />
    @if (canEdit()) {
      <form class="new" novalidate data-testid="new-idea-list" (submit)="create($event)">
        <h2>{{ 'ideas.newList' | t }}</h2>
        <blup-api-error [error]="submit.error()" />
        <blup-plain-text-field
          [control]="form.controls.title"
          [label]="'ideas.listTitle' | t"
          testId="idea-list-title"
        />
        <label for="dots-per-person">{{ 'ideas.dotsPerPerson' | t }}</label>
        <select id="dots-per-person" [formControl]="form.controls.dotsPerPerson">
          @for (n of dotChoices; track n) {
            <option [value]="n">{{ n }}</option>
          }
        </select>
        <button matButton="filled" type="submit" data-testid="create-idea-list">
          {{ 'ideas.create' | t }}
        </button>
      </form>
    }
    <blup-list-frame [list]="list" emptyText="ideas.empty">
      <ul class="lists">
        @for (item of list.items(); track item.id) {
          <li>
            <a class="card" [routerLink]="['/ideas', item.id]" data-testid="idea-list-card">
              <strong>{{ item.title }}</strong>
              <span>{{ statusKey(item.status) | t }}</span>
              <span>
                {{ 'ideas.count' | t: { count: item.ideaCount } }} ·
                {{ 'ideas.voters' | t: { count: item.voterCount } }}
              </span>
            </a>
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: `
    .new {
      display: grid;
      gap: 8px;
      max-inline-size: 480px;
      margin-block-end: 24px;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    label {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    select {
      block-size: 48px;
      padding-inline: 12px;
      font: var(--mat-sys-body-large);
    }
    .lists {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      color: inherit;
      text-decoration: none;
    }
    .card:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
    }
  `,
})
export class IdeaListsPage {
  private readonly api = inject(IdeasApi);
  private readonly auth = inject(AuthStore);
  private readonly organisations = inject(OrganisationsApi);
  private readonly router = inject(Router);

  readonly villageId = input.required<string>();
  protected readonly statusKey = ideaListStatusKey;
  protected readonly dotChoices = Array.from(
    { length: IDEA_LIMITS.dotsPerPersonMax },
    (_, i) => i + 1,
  );
  protected readonly submit = submitter();
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(IDEA_LIMITS.listTitleMaxLength)]],
    dotsPerPerson: [String(IDEA_LIMITS.dotsPerPersonDefault)],
  });
  protected readonly village = rxResource({
    params: () => this.villageId(),
    stream: ({ params }) => this.organisations.village(params),
  });
  protected readonly villageName = computed(() =>
    this.village.hasValue() ? this.village.value().name : '',
  );
  protected readonly canEdit = computed(() => canEditGoals(this.auth.user(), this.villageId()));
  protected readonly list = pagedList<IdeaListDto, { villageId?: string }>(
    ({ villageId, ...query }) => this.api.lists(villageId ?? this.villageId(), query),
    { scope: () => ({ villageId: this.villageId() }) },
  );

  protected create(event: Event): void {
    event.preventDefault();
    const value = this.form.getRawValue();
    this.submit.run(
      this.form,
      () =>
        this.api.createList(this.villageId(), {
          title: value.title,
          dotsPerPerson: Number(value.dotsPerPerson),
        }),
      (created) => void this.router.navigate(['/ideas', created.id]),
    );
  }
}

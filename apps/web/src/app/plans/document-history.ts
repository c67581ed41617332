import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { DocumentChangeDto, DocumentKind, DocumentVersionDto, Page } from '@blup/contracts';
import { LocalDatePipe, PlansApi, TranslatePipe } from '@blup/web/core';
import type { Observable } from 'rxjs';

const PAGE_SIZE = 10;

/** A list read page by page ("show more"), restarted when asked. */
class MoreList<T> {
  readonly items = signal<T[]>([]);
  readonly total = signal(0);
  private page = 0;

  constructor(private readonly fetch: (page: number) => Observable<Page<T>>) {}

  restart(): void {
    this.page = 0;
    this.items.set([]);
    this.more();
  }

  more(): void {
    this.page++;
    this.fetch(this.page).subscribe((page) => {
      this.items.update((items) => [...items, ...page.items]);
      this.total.set(page.total);
    });
  }
}

/** A document's published versions and its history of changes, newest first. */
@Component({
  selector: 'blup-document-history',
  imports: [MatButton, TranslatePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="versions-title" data-testid="versions">
      <h2 id="versions-title">{{ 'plans.versions' | t }}</h2>
      <ul>
        @for (v of versions.items(); track v.version) {
          <li>
            {{ 'plans.versionLine' | t: { version: v.version, date: (v.publishedAt | localDate) } }}
            @if (v.publishedBy) {
              {{ 'plans.versionBy' | t: { name: v.publishedBy.name } }}
            }
          </li>
        } @empty {
          <li>{{ 'plans.noVersions' | t }}</li>
        }
      </ul>
      @if (versions.items().length < versions.total()) {
        <button matButton type="button" (click)="versions.more()">
          {{ 'plans.showMore' | t }}
        </button>
      }
    </section>
    <section aria-labelledby="history-title" data-testid="history">
      <h2 id="history-title">{{ 'plans.history' | t }}</h2>
      <ul>
        @for (change of history.items(); track change.id) {
          <li>
            <strong>{{ change.summary }}</strong>
            <span class="meta">
              {{ change.changedAt | localDate }} ·
              {{ change.changedBy?.name ?? ('plans.someone' | t) }}
            </span>
          </li>
        } @empty {
          <li>{{ 'plans.noHistory' | t }}</li>
        }
      </ul>
      @if (history.items().length < history.total()) {
        <button matButton type="button" (click)="history.more()">{{ 'plans.showMore' | t }}</button>
      }
    </section>
  `,
  styles: `
    :host {
      display: grid;
      gap: 16px;
      margin-block-start: 24px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    ul {
      margin: 0;
      padding-inline-start: 20px;
    }
    li {
      margin-block-end: 8px;
    }
    .meta {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    button {
      min-block-size: 48px;
    }
  `,
})
export class DocumentHistory {
  private readonly api = inject(PlansApi);

  readonly villageId = input.required<string>();
  readonly kind = input.required<DocumentKind>();
  /** Changes when the document is saved or published: the lists are read again. */
  readonly stamp = input.required<string>();

  protected readonly versions = new MoreList<DocumentVersionDto<unknown>>((page) =>
    this.api.versions(this.villageId(), this.kind(), { page, pageSize: PAGE_SIZE }),
  );
  protected readonly history = new MoreList<DocumentChangeDto>((page) =>
    this.api.history(this.villageId(), this.kind(), { page, pageSize: PAGE_SIZE }),
  );

  constructor() {
    effect(() => {
      this.stamp();
      untracked(() => {
        this.versions.restart();
        this.history.restart();
      });
    });
  }
}

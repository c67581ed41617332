import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { PHASES, type LibraryDocumentDto, type Phase } from '@blup/contracts';
import { AuthStore, LibraryApi, isSecretariat, pagedList } from '@blup/web/core';
import { ListFrame } from '../shared/list-frame';
import { PAGE_PARTS } from '../shared/page-parts';
import { DocumentCard } from './document-card';
import { phaseKey } from './library-labels';
import { UploadForm } from './upload-form';

/**
 * `/bibliotek`: the phase library. The phases as large chips, a search field, and each document
 * as a card with a big download button. The secretariat adds documents here too.
 */
@Component({
  selector: 'blup-library-page',
  imports: [PAGE_PARTS, ListFrame, DocumentCard, UploadForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header [heading]="'library.title' | t" [subheading]="'library.intro' | t">
      @if (canWrite() && !adding()) {
        <button
          matButton="filled"
          type="button"
          data-testid="add-document"
          (click)="adding.set(true)"
        >
          <blup-icon matButtonIcon name="add" />
          {{ 'library.add' | t }}
        </button>
      }
    </blup-page-header>
    @if (adding()) {
      <blup-library-upload-form (done)="added($event)" (cancelled)="adding.set(false)" />
    }
    <div class="chips" role="group" [attr.aria-label]="'library.phaseFilter' | t">
      <button
        type="button"
        class="chip"
        [attr.aria-pressed]="!phase()"
        data-testid="phase-all"
        (click)="choose(null)"
      >
        {{ 'library.allPhases' | t }}
      </button>
      @for (p of phases; track p) {
        <button
          type="button"
          class="chip"
          [attr.aria-pressed]="phase() === p"
          [attr.data-testid]="'phase-' + p"
          (click)="choose(p)"
        >
          {{ phaseKey(p) | t }}
        </button>
      }
    </div>
    <blup-list-frame [list]="list" searchLabel="library.search" emptyText="library.empty">
      <ul class="cards">
        @for (doc of list.items(); track doc.id) {
          <li>
            <blup-library-document-card
              [doc]="doc"
              [canWrite]="canWrite()"
              (changed)="list.reload()"
            />
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: `
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-block: 8px 16px;
    }
    .chip {
      min-block-size: 48px;
      padding: 8px 18px;
      border-radius: 24px;
      border: 1px solid var(--mat-sys-outline);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-large);
      font-size: 1rem;
      cursor: pointer;
    }
    .chip[aria-pressed='true'] {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      border-color: var(--mat-sys-secondary-container);
      font-weight: 600;
    }
    .chip:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 16px;
    }
  `,
})
export class LibraryPage {
  private readonly api = inject(LibraryApi);
  private readonly auth = inject(AuthStore);

  protected readonly phases = PHASES;
  protected readonly phaseKey = phaseKey;
  protected readonly canWrite = computed(() => isSecretariat(this.auth.user()));
  protected readonly adding = signal(false);
  protected readonly list = pagedList<LibraryDocumentDto, { phase?: Phase }>((query) =>
    this.api.search(query),
  );
  protected readonly phase = computed(() => this.list.query().phase ?? null);

  protected choose(phase: Phase | null): void {
    this.list.filter({ phase: phase ?? undefined });
  }

  protected added(_doc: LibraryDocumentDto): void {
    this.adding.set(false);
    this.list.reload();
  }
}

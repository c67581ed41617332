import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { DocumentConflict, PlanContent, VillageDocumentDto } from '@blup/contracts';
import type { TranslationKey } from '@blup/web/core';
import { DocumentConflictView } from '../plans/document-conflict';
import { PAGE_PARTS } from '../shared/page-parts';
import type { DocumentDraft } from './document-draft';

/**
 * The foot of the wheel and the report pages: after a 409 the comparison with what someone
 * saved in between (else the error, if any), then save while there are changes and publish
 * once a saved revision is not yet published. Its parts stand in the page's own layout.
 */
@Component({
  selector: 'blup-draft-actions',
  imports: [PAGE_PARTS, DocumentConflictView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (conflict(); as c) {
      <blup-document-conflict
        kind="plan"
        [conflict]="c"
        [mineContent]="mine()"
        (keepMine)="draft().keepMine(c.revision)"
        (takeTheirs)="draft().reload()"
      />
    } @else {
      <blup-api-error [error]="draft().submit.error()" />
    }
    <div class="actions">
      @if (doc().canEdit && draft().dirty()) {
        <button
          matButton="filled"
          type="button"
          [attr.data-testid]="'save-' + name()"
          [disabled]="draft().submit.busy()"
          (click)="save.emit()"
        >
          {{ saveLabel() | t }}
        </button>
      }
      @if (
        doc().canPublish && !draft().dirty() && doc().revision > 0 && doc().changedSincePublished
      ) {
        <button
          matButton="filled"
          type="button"
          [attr.data-testid]="'publish-' + name()"
          [disabled]="draft().submit.busy()"
          (click)="publish.emit()"
        >
          {{ publishLabel() | t }}
        </button>
      }
    </div>
  `,
  styles: `
    :host {
      display: contents;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      position: sticky;
      inset-block-end: 0;
      padding-block: 8px;
      background: var(--mat-sys-surface);
    }
    .actions button {
      min-block-size: 48px;
    }
  `,
})
export class DraftActions {
  readonly draft =
    input.required<Pick<DocumentDraft<unknown>, 'submit' | 'dirty' | 'keepMine' | 'reload'>>();
  readonly doc = input.required<VillageDocumentDto<unknown>>();
  /** What someone saved in between (409), as sections; null when there is none. */
  readonly conflict = input.required<DocumentConflict<PlanContent> | null>();
  /** What this person wrote, as sections. */
  readonly mine = input.required<PlanContent>();
  /** Names the buttons' test ids: `save-<name>`, `publish-<name>`. */
  readonly name = input.required<string>();
  readonly saveLabel = input.required<TranslationKey>();
  readonly publishLabel = input.required<TranslationKey>();

  readonly save = output<void>();
  readonly publish = output<void>();
}

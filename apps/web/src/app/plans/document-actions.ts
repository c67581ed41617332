import { ChangeDetectionStrategy, Component, input, type Signal } from '@angular/core';
import type { VillageDocumentDto } from '@blup/contracts';
import { PAGE_PARTS } from '../shared/page-parts';
import type { DocumentEditor } from './document-editor';

/** What the buttons need of a `DocumentEditor`, whatever its content. */
type ActionsOf = Pick<DocumentEditor<unknown>, 'save' | 'publish' | 'unpublish'> & {
  readonly busy: Signal<boolean>;
  readonly dirty: Signal<boolean>;
  readonly conflict: Signal<unknown>;
  readonly notice: Signal<string | null>;
  readonly error: Signal<unknown>;
};

/**
 * The buttons under a living document in its editor: save the draft, and for those who may,
 * publish (a saved revision with nothing unsaved and no conflict open) and take down; then what
 * was said after the action and the error. What a page adds goes between the buttons and the
 * notice. Its parts stand in the page's own row of actions.
 */
@Component({
  selector: 'blup-document-actions',
  imports: [PAGE_PARTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let d = doc();
    @let e = editor();
    @if (d.canEdit) {
      <button
        matButton="filled"
        type="button"
        data-testid="save-draft"
        [disabled]="e.busy() || blocked() || !!e.conflict()"
        (click)="e.save()"
      >
        {{ 'plans.saveDraft' | t }}
      </button>
    }
    @if (d.canPublish) {
      <button
        matButton="tonal"
        type="button"
        data-testid="publish"
        [disabled]="e.busy() || e.dirty() || d.revision === 0 || !!e.conflict()"
        (click)="e.publish()"
      >
        <blup-icon matButtonIcon name="upload" />
        {{ 'plans.publish' | t }}
      </button>
      @if (d.published) {
        <button
          matButton
          type="button"
          data-testid="unpublish"
          [disabled]="e.busy()"
          (click)="e.unpublish()"
        >
          {{ 'plans.unpublish' | t }}
        </button>
      }
    }
    <ng-content />
    <p class="notice" role="status" data-testid="notice">{{ e.notice() }}</p>
    <blup-api-error [error]="e.error() ?? otherError()" />
  `,
  styles: `
    :host {
      display: contents;
    }
    p {
      flex-basis: 100%;
      margin: 0;
    }
    button {
      min-block-size: 48px;
    }
  `,
})
export class DocumentActions {
  readonly editor = input.required<ActionsOf>();
  readonly doc = input.required<VillageDocumentDto<unknown>>();
  /** True while the draft may not be saved (a missing title, text too long). */
  readonly blocked = input(false);
  /** An error of the page's own (an upload), shown when the editor has none. */
  readonly otherError = input<unknown>(null);
}

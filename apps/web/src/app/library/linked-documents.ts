import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { LibraryLinkTarget } from '@blup/contracts';
import { LibraryApi, TranslatePipe, formatBytes } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { downloadUrl } from './library-labels';

/**
 * The templates and manuals the secretariat linked from a session, lesson or newsletter, each
 * with a large download button. Shows nothing when there are none (or they cannot be read).
 */
@Component({
  selector: 'blup-linked-documents',
  imports: [MatButton, RouterLink, Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (docs().length > 0) {
      <section
        class="linked"
        aria-labelledby="linked-documents-heading"
        data-testid="linked-documents"
      >
        <h2 id="linked-documents-heading">{{ 'libraryLinks.title' | t }}</h2>
        <ul>
          @for (doc of docs(); track doc.id) {
            <li>
              <a
                matButton="outlined"
                class="download"
                [href]="url(doc)"
                download
                data-testid="linked-document"
              >
                <blup-icon matButtonIcon name="download" />
                {{ 'libraryLinks.download' | t: { title: doc.title } }}
                <span class="size">({{ size(doc.sizeBytes) }})</span>
              </a>
            </li>
          }
        </ul>
        <a matButton routerLink="/bibliotek">{{ 'libraryLinks.all' | t }}</a>
      </section>
    }
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-medium);
      margin-block: 16px 8px;
    }
    ul {
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .download {
      min-block-size: 48px;
      inline-size: 100%;
      justify-content: flex-start;
      white-space: normal;
      text-align: start;
      height: auto;
      padding-block: 8px;
    }
    .size {
      color: var(--mat-sys-on-surface-variant);
      margin-inline-start: 4px;
    }
  `,
})
export class LinkedDocuments {
  private readonly api = inject(LibraryApi);

  /** `session`, `lesson` or `newsletter`. */
  readonly target = input.required<`${LibraryLinkTarget}`>();
  readonly targetId = input.required<string>();

  private readonly linked = rxResource({
    params: () => ({ target: this.target(), id: this.targetId() }),
    stream: ({ params }) =>
      this.api.linked(params.target as LibraryLinkTarget, params.id, { pageSize: 20 }),
  });
  protected readonly docs = computed(() =>
    this.linked.hasValue() ? this.linked.value().items : [],
  );
  protected readonly url = downloadUrl;
  protected readonly size = formatBytes;
}

import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  libraryDownloadUrl,
  type LibraryDocumentDetailDto,
  type LibraryDocumentDto,
} from '@blup/contracts';
import { formatBytes, LibraryApi, LocalDatePipe, TranslatePipe } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { DocumentAdmin } from './document-admin';
import { downloadUrl, fileTypeKey, kindKey, phaseKey } from './library-labels';

/**
 * One document of the library: what it is, its type, size and date, a big download button, and
 * its earlier versions (loaded when opened). The secretariat gets its tools below.
 */
@Component({
  selector: 'blup-library-document-card',
  imports: [MatButton, Icon, TranslatePipe, LocalDatePipe, DocumentAdmin],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let d = doc();
    <article class="card" [attr.aria-labelledby]="'doc-' + d.id" data-testid="library-document">
      <p class="tags">
        <span class="tag">{{ phaseKey(d.phase) | t }}</span>
        <span class="tag">{{ kindKey(d.kind) | t }}</span>
      </p>
      <h2 [id]="'doc-' + d.id">{{ d.title }}</h2>
      @if (d.description) {
        <p class="description">{{ d.description }}</p>
      }
      <p class="meta">
        {{ fileTypeKey(d.fileName) | t }} · {{ size(d.sizeBytes) }} ·
        {{ 'library.updated' | t: { date: (d.updatedAt | localDate) } }} ·
        {{ 'library.version' | t: { number: d.currentVersion } }}
      </p>
      <a
        matButton="filled"
        class="download"
        [href]="url(d)"
        download
        data-testid="download-document"
        [attr.aria-describedby]="'doc-' + d.id"
      >
        <blup-icon matButtonIcon name="download" />
        {{ 'library.download' | t: { type: (fileTypeKey(d.fileName) | t) } }}
      </a>
      @if (d.currentVersion > 1 || canWrite()) {
        <details (toggle)="opened($any($event.target).open)">
          <summary>
            {{ 'library.history' | t }} ({{
              'library.historyCount' | t: { count: d.currentVersion }
            }})
          </summary>
          @if (detail(); as full) {
            <ul class="versions" data-testid="versions">
              @for (v of full.versions; track v.id) {
                <li>
                  <span>
                    {{
                      'library.versionLine'
                        | t: { number: v.number, date: (v.createdAt | localDate) }
                    }}
                    @if (v.uploadedByName) {
                      {{ 'library.uploadedBy' | t: { name: v.uploadedByName } }}
                    }
                    @if (v.note) {
                      – {{ v.note }}
                    }
                  </span>
                  <a matButton="outlined" [href]="versionUrl(d.id, v.id)" download>
                    <blup-icon matButtonIcon name="download" />
                    {{ 'library.downloadVersion' | t: { number: v.number } }}
                  </a>
                </li>
              }
            </ul>
            @if (canWrite()) {
              <blup-library-document-admin
                [doc]="full"
                (changed)="reloaded($event)"
                (removed)="changed.emit()"
              />
            }
          }
        </details>
      }
    </article>
  `,
  styles: `
    .card {
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin: 0 0 8px;
    }
    .tag {
      padding: 2px 10px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-high);
      font: var(--mat-sys-label-large);
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 8px;
    }
    .description {
      white-space: pre-line;
      margin: 0 0 8px;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 12px;
    }
    .download {
      min-block-size: 56px;
      inline-size: 100%;
      font-size: 1.05rem;
    }
    details {
      margin-block-start: 12px;
    }
    summary {
      min-block-size: 48px;
      display: flex;
      align-items: center;
      cursor: pointer;
      font: var(--mat-sys-label-large);
    }
    .versions {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 8px;
    }
    .versions li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
  `,
})
export class DocumentCard {
  private readonly api = inject(LibraryApi);

  readonly doc = input.required<LibraryDocumentDto>();
  readonly canWrite = input(false);
  readonly changed = output<void>();

  protected readonly detail = signal<LibraryDocumentDetailDto | null>(null);
  protected readonly phaseKey = phaseKey;
  protected readonly kindKey = kindKey;
  protected readonly fileTypeKey = fileTypeKey;
  protected readonly size = formatBytes;
  protected readonly url = downloadUrl;
  protected readonly versionUrl = libraryDownloadUrl;

  protected opened(open: boolean): void {
    if (open && !this.detail()) {
      this.api.get(this.doc().id).subscribe({ next: (d) => this.detail.set(d) });
    }
  }

  protected reloaded(detail: LibraryDocumentDetailDto): void {
    this.detail.set(detail);
    this.changed.emit();
  }
}

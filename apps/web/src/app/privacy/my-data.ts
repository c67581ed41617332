import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { PrivacyExportDto } from '@blup/contracts';
import { I18nService, PrivacyApi, TranslatePipe, pagedList } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { ListFrame } from '../shared/list-frame';
import { RowList } from '../shared/row-list';
import { submitter } from '../shared/submitter';
import { ExportProgress } from './export-progress';
import { ExportRowLink } from './export-row-link';
import { dateTime, exportStatusKey, fileSize, isExportActive } from './privacy-labels';

/** "Dine data" on the profile: one big button for a copy of everything, and the earlier copies. */
@Component({
  selector: 'blup-my-data',
  imports: [
    MatButton,
    Icon,
    ListFrame,
    RowList,
    ExportProgress,
    ExportRowLink,
    ApiErrorMessage,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="my-data-title" data-testid="my-data">
      <h2 class="section-title" id="my-data-title">{{ 'privacy.myDataTitle' | t }}</h2>
      <p class="intro">{{ 'privacy.myDataIntro' | t }}</p>
      <button
        matButton="filled"
        type="button"
        class="big"
        data-testid="export-start"
        [disabled]="starting.busy() || making()"
        [attr.aria-busy]="starting.busy()"
        (click)="start()"
      >
        <blup-icon name="download" />
        {{ 'privacy.startExport' | t }}
      </button>
      <blup-api-error [error]="starting.error()" />
      @if (current(); as e) {
        <blup-export-progress [item]="e" (settled)="settled($event)" />
      }

      <h3 class="sub-title">{{ 'privacy.earlierExports' | t }}</h3>
      <blup-list-frame [list]="list" emptyText="privacy.noExports">
        <ul blupRows data-testid="my-exports">
          @for (e of list.items(); track e.id) {
            <li class="blup-row" data-testid="my-export">
              <span class="blup-row-title">{{ when(e.createdAt) }}</span>
              <span class="blup-row-meta">
                {{ statusKey(e.status) | t }}
                @if (e.sizeBytes !== null) {
                  · {{ size(e.sizeBytes) }}
                }
              </span>
              <blup-export-row-link [export]="e" />
            </li>
          }
        </ul>
      </blup-list-frame>
    </section>
  `,
  styles: `
    .intro {
      margin: 0 0 16px;
      font: var(--mat-sys-body-large);
      max-inline-size: 60ch;
    }
    .big {
      min-block-size: 56px;
      inline-size: 100%;
      max-inline-size: 360px;
      font: var(--mat-sys-title-medium);
    }
    .sub-title {
      margin: 24px 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .link {
      display: inline-flex;
      align-items: center;
      min-block-size: 48px;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-primary);
    }
  `,
})
export class MyData {
  private readonly api = inject(PrivacyApi);
  private readonly i18n = inject(I18nService);

  protected readonly starting = submitter();
  protected readonly list = pagedList<PrivacyExportDto>((query) => this.api.myExports(query), {
    pageSize: 5,
  });
  /**
   * The export in the progress area: the one started here, or one still being made from before
   * (the page was reloaded). It stays, with its link, once it is ready.
   */
  protected readonly current = signal<PrivacyExportDto | null>(null);
  protected readonly making = computed(() => {
    const current = this.current();
    return current !== null && isExportActive(current);
  });

  protected readonly statusKey = exportStatusKey;

  constructor() {
    // Pick up, once, an export that was still being made when the page was opened.
    let resumed = false;
    effect(() => {
      const items = this.list.items();
      if (resumed || this.list.loading() || items.length === 0) return;
      resumed = true;
      const active = items.find(isExportActive);
      untracked(() => {
        if (active && !this.current()) this.current.set(active);
      });
    });
  }

  protected start(): void {
    this.starting.run(
      null,
      () => this.api.startMyExport(),
      (item) => {
        this.current.set(item);
        this.list.reload();
      },
    );
  }

  protected settled(item: PrivacyExportDto): void {
    this.current.set(item);
    this.list.reload();
  }

  protected when(iso: string): string {
    return dateTime(iso, this.i18n.locale());
  }

  protected size(bytes: number): string {
    return fileSize(bytes, this.i18n.locale());
  }
}

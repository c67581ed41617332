import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { DocumentStatusDto, VillageDocumentDto } from '@blup/contracts';
import { LocalDatePipe, TranslatePipe } from '@blup/web/core';
import { Icon } from '@blup/web/ui';

/** Where a document stands: not started, a draft, published (and changed since). */
@Component({
  selector: 'blup-document-status',
  imports: [TranslatePipe, LocalDatePipe, RouterLink, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let d = doc();
    <p class="status" data-testid="document-status">
      @if (d.published; as published) {
        <blup-icon name="check" />
        {{
          'plans.statusPublished'
            | t: { date: (published.publishedAt | localDate), version: published.version }
        }}
      } @else if (d.revision > 0) {
        <blup-icon name="edit" />
        {{ 'plans.statusDraft' | t }}
      } @else {
        {{ 'plans.statusNew' | t }}
      }
    </p>
    @if (changed() && d.published) {
      <p class="changed">{{ 'plans.statusChanged' | t: { version: d.published.version } }}</p>
    }
    @if (publicPath() && d.published) {
      <p>
        <a [routerLink]="publicPath()" data-testid="public-link">{{ 'plans.publicLink' | t }}</a>
      </p>
    }
  `,
  styles: `
    p {
      margin: 4px 0;
    }
    .status {
      display: flex;
      align-items: center;
      gap: 8px;
      font: var(--mat-sys-title-small);
    }
    .changed {
      color: var(--mat-sys-on-surface-variant);
    }
    a {
      display: inline-block;
      min-block-size: 48px;
      line-height: 48px;
    }
  `,
})
export class DocumentStatus {
  readonly doc = input.required<DocumentStatusDto | VillageDocumentDto<unknown>>();
  readonly changed = input(false);
  readonly publicPath = input<string | null>(null);
}

import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';

export interface PageChange {
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** A paginator that counts pages from 1, as the API does, and hides itself when one page is enough. */
@Component({
  selector: 'blup-paginator',
  imports: [MatPaginator],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (needed()) {
      <mat-paginator
        [length]="total()"
        [pageIndex]="page() - 1"
        [pageSize]="pageSize()"
        [pageSizeOptions]="sizes"
        (page)="changed($event)"
      />
    }
  `,
  styles: `
    mat-paginator {
      background: transparent;
      /* Page buttons as large as every other target (Material's default is 40 px). */
      --mat-icon-button-state-layer-size: 48px;
    }
  `,
})
export class Paginator {
  readonly total = input.required<number>();
  readonly page = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly pageChange = output<PageChange>();

  protected readonly sizes = [10, 20, 50, 100];
  protected readonly needed = computed(() => this.total() > this.pageSize() || this.page() > 1);

  protected changed(event: PageEvent): void {
    this.pageChange.emit({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }
}

import { TestBed } from '@angular/core/testing';
import { type PageChange, Paginator } from './paginator';

describe(Paginator.name, () => {
  async function render(total: number, page = 1, pageSize = 20) {
    const fixture = TestBed.createComponent(Paginator);
    fixture.componentRef.setInput('total', total);
    fixture.componentRef.setInput('page', page);
    fixture.componentRef.setInput('pageSize', pageSize);
    const changes: PageChange[] = [];
    fixture.componentInstance.pageChange.subscribe((change) => changes.push(change));
    await fixture.whenStable();
    return { element: fixture.nativeElement as HTMLElement, changes };
  }

  it('is hidden when everything fits on one page', async () => {
    const { element } = await render(8);

    expect(element.querySelector('mat-paginator')).toBeNull();
  });

  it('counts pages from 1, as the API does', async () => {
    const { element, changes } = await render(45, 2);

    element.querySelector<HTMLButtonElement>('.mat-mdc-paginator-navigation-next')?.click();

    expect(changes).toEqual([{ page: 3, pageSize: 20 }]);
  });
});

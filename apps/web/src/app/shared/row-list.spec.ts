import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { RowList } from './row-list';

@Component({
  imports: [RowList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol blupRows data-testid="rows">
      <li class="blup-row"><span class="blup-row-meta">one</span></li>
      <li class="blup-row"><span class="blup-row-meta">two</span></li>
    </ol>
  `,
})
class Host {}

describe(RowList.name, () => {
  it("marks the list for the shared row styles and keeps the page's rows in it", async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const list = (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(
      '[data-testid="rows"]',
    );

    expect(list?.classList).toContain('blup-rows');
    expect([...(list?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'one',
      'two',
    ]);
  });
});

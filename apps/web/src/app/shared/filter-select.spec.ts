import { TestBed } from '@angular/core/testing';
import { Role } from '@blup/contracts';
import { roleKey } from '@blup/web/core';
import { FilterSelect } from './filter-select';

describe(FilterSelect.name, () => {
  it('offers all and each option, and emits the empty choice as undefined', async () => {
    const fixture = TestBed.createComponent(FilterSelect<Role>);
    fixture.componentRef.setInput('label', 'Rolle');
    fixture.componentRef.setInput('allLabel', 'Alle roller');
    fixture.componentRef.setInput('options', [Role.Secretariat, Role.Coordinator]);
    fixture.componentRef.setInput('optionKey', roleKey);
    fixture.componentRef.setInput('testId', 'role-filter');
    const changed = jest.fn();
    fixture.componentInstance.changed.subscribe(changed);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    element.querySelector<HTMLElement>('[data-testid="role-filter"]')?.click();
    fixture.detectChanges();
    const options = [...document.querySelectorAll<HTMLElement>('mat-option')];
    expect(options.map((o) => o.textContent?.trim())).toHaveLength(3);
    expect(options[0].textContent?.trim()).toBe('Alle roller');

    options[2].click();
    options[0].click();
    expect(changed.mock.calls).toEqual([[Role.Coordinator], [undefined]]);
  });
});

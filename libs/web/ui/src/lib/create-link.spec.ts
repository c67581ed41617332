import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CreateLink } from './create-link';

describe(CreateLink.name, () => {
  it('links to the new route with the given label', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(CreateLink);
    fixture.componentRef.setInput('label', 'New village');
    await fixture.whenStable();
    const link = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="create"]');

    expect(link?.getAttribute('href')).toBe('/new');
    expect(link?.textContent?.trim()).toBe('New village');
  });
});

import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { BackLink } from './back-link';

describe(BackLink.name, () => {
  it('links back with the given label', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(BackLink);
    fixture.componentRef.setInput('link', ['/newsletters', 'archive']);
    fixture.componentRef.setInput('label', 'Archive');
    await fixture.whenStable();
    const link = (fixture.nativeElement as HTMLElement).querySelector('a');

    expect(link?.getAttribute('href')).toBe('/newsletters/archive');
    expect(link?.textContent?.trim()).toBe('Archive');
  });
});

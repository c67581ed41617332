import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Page, SdgDto } from '@blup/contracts';
import { loadTextSection } from '@blup/web/core';
import { SdgBadges, SdgTiles, inkOn } from './sdg-tiles';

const SDGS: SdgDto[] = [
  {
    number: 3,
    nameDa: 'Sundhed og trivsel',
    nameEn: 'Good health and well-being',
    colour: '#4C9F38',
  },
  {
    number: 11,
    nameDa: 'Bæredygtige byer og lokalsamfund',
    nameEn: 'Sustainable cities',
    colour: '#FD9D24',
  },
  { number: 13, nameDa: 'Klimaindsats', nameEn: 'Climate action', colour: '#3F7E44' },
];

function flushCatalogue(): void {
  const http = TestBed.inject(HttpTestingController);
  const page: Page<SdgDto> = { items: SDGS, total: 3, page: 1, pageSize: 17 };
  http.expectOne((req) => req.url === '/api/sdgs').flush(page);
}

beforeEach(() => {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
});

describe(SdgTiles.name, () => {
  it('toggles goals by tapping, keeps them in order and says which are pressed', () => {
    const fixture = TestBed.createComponent(SdgTiles);
    fixture.componentRef.setInput('label', 'Verdensmål');
    fixture.componentRef.setInput('value', [13]);
    fixture.detectChanges();
    flushCatalogue();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const tile = (n: number) =>
      element.querySelector<HTMLButtonElement>(`[data-testid="sdg-${n}"]`);
    expect(tile(11)?.textContent).toContain('Bæredygtige byer og lokalsamfund');
    expect(tile(13)?.getAttribute('aria-pressed')).toBe('true');
    expect(tile(3)?.getAttribute('aria-pressed')).toBe('false');

    tile(11)?.click();
    tile(3)?.click();
    tile(13)?.click();
    fixture.detectChanges();
    expect(fixture.componentInstance.value()).toEqual([3, 11]);
    expect(tile(11)?.getAttribute('aria-pressed')).toBe('true');
    expect(tile(13)?.getAttribute('aria-pressed')).toBe('false');
  });
});

describe(SdgBadges.name, () => {
  it('shows each goal’s number in its colour and names it for screen readers', async () => {
    await TestBed.runInInjectionContext(loadTextSection('goals'));
    const fixture = TestBed.createComponent(SdgBadges);
    fixture.componentRef.setInput('numbers', [11, 13]);
    fixture.detectChanges();
    flushCatalogue();
    fixture.detectChanges();
    const badges = [...(fixture.nativeElement as HTMLElement).querySelectorAll('li')];
    expect(badges.map((badge) => badge.getAttribute('title'))).toEqual([
      'Verdensmål 11: Bæredygtige byer og lokalsamfund',
      'Verdensmål 13: Klimaindsats',
    ]);
    expect(badges[0].style.background).toBeTruthy();
  });
});

describe(inkOn.name, () => {
  it('writes black on light SDG colours and white on dark ones', () => {
    expect(inkOn('#FD9D24')).toBe('#000000'); // 11, orange
    expect(inkOn('#FCC30B')).toBe('#000000'); // 7, yellow
    expect(inkOn('#19486A')).toBe('#ffffff'); // 17, navy
    expect(inkOn('#3F7E44')).toBe('#ffffff'); // 13, dark green
  });
});

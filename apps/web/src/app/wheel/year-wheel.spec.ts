import { TestBed } from '@angular/core/testing';
import { WheelFrequency, type WheelActivity } from '@blup/contracts';
import { loadTextSection } from '@blup/web/core';
import { YearWheel } from './year-wheel';

const activity = (id: string, months: number[]): WheelActivity => ({
  id,
  title: id,
  who: 'Styregruppen',
  months,
  day: null,
  frequency: WheelFrequency.Monthly,
  startTime: null,
  endTime: null,
  place: '',
  note: '',
});

describe(YearWheel.name, () => {
  it('draws twelve months round a ring with a dot per activity, hidden from screen readers', async () => {
    await TestBed.runInInjectionContext(loadTextSection('wheel'));
    const fixture = TestBed.createComponent(YearWheel);
    const many = Array.from({ length: 10 }, (_, i) => activity(`m${i}`, [12]));
    fixture.componentRef.setInput('activities', [activity('a', [1, 6]), ...many]);
    fixture.detectChanges();
    const svg = (fixture.nativeElement as HTMLElement).querySelector('svg');
    expect(svg?.getAttribute('aria-hidden')).toBe('true');
    const months = [...(svg?.querySelectorAll('g[data-wheel-month]') ?? [])];
    expect(months.map((g) => g.querySelector('text.month')?.textContent)).toEqual([
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'Maj',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Okt',
      'Nov',
      'Dec',
    ]);
    const dots = months.map((g) => g.querySelectorAll('circle').length);
    expect(dots).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 8]);
    expect(months[11].querySelector('text.more')?.textContent).toBe('+2');
  });
});

import { TestBed } from '@angular/core/testing';
import { WheelFrequency, type WheelActivity } from '@blup/contracts';
import { I18nService, loadTextSection } from '@blup/web/core';
import { MonthGrid } from './month-grid';
import { activitiesByMonth } from './wheel-labels';

const activity = (over: Partial<WheelActivity>): WheelActivity => ({
  id: 'a',
  title: 'Aktivitet',
  who: 'Styregruppen',
  months: [1],
  day: null,
  frequency: WheelFrequency.Yearly,
  startTime: null,
  endTime: null,
  place: '',
  note: '',
  ...over,
});

const ACTIVITIES: WheelActivity[] = [
  activity({
    id: 'sankthans',
    title: 'Sankthans',
    who: 'Borgerforeningen',
    months: [6],
    day: { kind: 'date', day: 23 },
    startTime: '20:00',
    endTime: '23:00',
    place: 'Søen',
  }),
  activity({
    id: 'loeb',
    title: 'Løbeklub',
    who: 'Glumsø IF',
    months: [5, 6],
    frequency: WheelFrequency.Weekly,
    day: { kind: 'weekday', weekday: 'TU', nth: null },
    startTime: '18:30',
  }),
  activity({
    id: 'byfest',
    title: 'Byfest',
    who: 'Byfestudvalget',
    months: [6],
    day: { kind: 'weekday', weekday: 'SA', nth: -1 },
  }),
  activity({ id: 'budget', title: 'Budget', who: 'Kassereren', months: [6] }),
];

describe(MonthGrid.name, () => {
  beforeEach(async () => {
    await TestBed.runInInjectionContext(loadTextSection('wheel'));
  });

  function render(editable: boolean) {
    const fixture = TestBed.createComponent(MonthGrid);
    fixture.componentRef.setInput('activities', ACTIVITIES);
    fixture.componentRef.setInput('editable', editable);
    fixture.detectChanges();
    return fixture;
  }

  it('orders each month’s activities by when they come, undated last', () => {
    const sut = activitiesByMonth(ACTIVITIES);
    expect(sut.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(sut[4].activities.map((a) => a.id)).toEqual(['loeb']);
    expect(sut[5].activities.map((a) => a.id)).toEqual(['loeb', 'sankthans', 'byfest', 'budget']);
  });

  it('draws twelve months in Danish, with when, who and where, and says when a month is empty', () => {
    const el: HTMLElement = render(false).nativeElement;
    const months = [...el.querySelectorAll('.month')];
    expect(months.map((m) => m.querySelector('h2')?.textContent?.trim())).toEqual([
      'Januar',
      'Februar',
      'Marts',
      'April',
      'Maj',
      'Juni',
      'Juli',
      'August',
      'September',
      'Oktober',
      'November',
      'December',
    ]);
    expect(months[0].querySelector('.none')?.textContent?.trim()).toBe('Intet planlagt');
    const june = [...months[5].querySelectorAll('.activity')].map((a) =>
      [...a.children].map((c) => c.textContent?.trim()),
    );
    expect(june).toEqual([
      ['Løbeklub', 'Hver tirsdag, kl. 18:30', 'Ansvarlig: Glumsø IF'],
      ['Sankthans', 'Den 23., kl. 20:00–23:00', 'Ansvarlig: Borgerforeningen', 'Sted: Søen'],
      ['Byfest', 'Sidste lørdag', 'Ansvarlig: Byfestudvalget'],
      ['Budget', 'Dato følger', 'Ansvarlig: Kassereren'],
    ]);
    expect(el.querySelector('button')).toBeNull();
  });

  it('makes each activity a named button that opens it when editable', () => {
    const fixture = render(true);
    const opened: string[] = [];
    fixture.componentInstance.selected.subscribe((id) => opened.push(id));
    const button = (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>(
      '[data-month="6"] [data-testid="activity-sankthans"]',
    );
    expect(button?.tagName).toBe('BUTTON');
    // Its name is what it shows, then "Ret" for screen readers.
    expect([...(button?.children ?? [])].map((c) => c.textContent?.trim())).toEqual([
      'Sankthans',
      'Den 23., kl. 20:00–23:00',
      'Ansvarlig: Borgerforeningen',
      'Sted: Søen',
      'Ret',
    ]);
    button?.click();
    expect(opened).toEqual(['sankthans']);
  });

  it('speaks English too', () => {
    TestBed.inject(I18nService).setLocale('en');
    const el: HTMLElement = render(false).nativeElement;
    expect(el.querySelector('[data-month="6"] h2')?.textContent?.trim()).toBe('June');
    expect(
      el.querySelector('[data-month="6"] [data-testid="activity-byfest"] span')?.textContent,
    ).toBe('Last Saturday');
  });
});

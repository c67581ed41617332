import { cohortName, demoCalendar, PROCESS_DAYS, VILLAGE_SESSION_DAYS } from './demo-calendar';

describe('demoCalendar', () => {
  const sut = demoCalendar;

  it('starts the running cohort on a Thursday about six months ago, named after its half-year', () => {
    const { running, earlier } = sut(new Date('2026-12-06T02:00:00Z'));
    expect(running).toEqual({ name: 'Forår 2026', startDate: '2026-06-11' });
    expect(new Date(`${running.startDate}T12:00:00Z`).getUTCDay()).toBe(4);
    expect(earlier.startDate < running.startDate).toBe(true);
    expect(earlier.name).not.toBe(running.name);
  });

  it('opens the next cohort on the next 1 February or 1 August at least 60 days ahead', () => {
    expect(sut(new Date('2026-12-06T12:00:00Z')).next).toEqual({
      name: 'Efterår 2027',
      startDate: '2027-08-01',
    });
    expect(sut(new Date('2026-11-01T12:00:00Z')).next).toEqual({
      name: 'Forår 2027',
      startDate: '2027-02-01',
    });
    expect(sut(new Date('2027-05-01T12:00:00Z')).next.startDate).toBe('2027-08-01');
  });

  it('spreads the village sessions over about nine months, three per module', () => {
    expect(VILLAGE_SESSION_DAYS).toHaveLength(12);
    expect(PROCESS_DAYS / 30.44).toBeLessThanOrEqual(9.5);
    expect(PROCESS_DAYS / 30.44).toBeGreaterThan(7.5);
    expect(VILLAGE_SESSION_DAYS.every((d) => d % 7 === 0)).toBe(true);
  });

  it.each([
    ['2027-02-01', 'Forår 2027'],
    ['2027-06-30', 'Forår 2027'],
    ['2027-07-01', 'Efterår 2027'],
    ['2026-12-31', 'Efterår 2026'],
  ])('names a cohort starting %s "%s"', (date, name) => {
    expect(cohortName(date)).toBe(name);
  });
});

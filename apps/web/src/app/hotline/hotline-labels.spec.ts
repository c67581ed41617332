import { durationText } from './hotline-labels';

describe(durationText.name, () => {
  it('says minutes, then hours, then days, as a person would', () => {
    expect(durationText(0)).toEqual({ key: 'hotline.underAMinute', params: {} });
    expect(durationText(45)).toEqual({ key: 'hotline.minutes', params: { count: 45 } });
    expect(durationText(119)).toEqual({ key: 'hotline.minutes', params: { count: 119 } });
    expect(durationText(180)).toEqual({ key: 'hotline.hours', params: { count: 3 } });
    expect(durationText(47 * 60)).toEqual({ key: 'hotline.hours', params: { count: 47 } });
    expect(durationText(3 * 24 * 60)).toEqual({ key: 'hotline.days', params: { count: 3 } });
  });
});

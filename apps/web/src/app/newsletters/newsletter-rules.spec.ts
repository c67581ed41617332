import { NewsletterStatus } from '@blup/contracts';
import { progressSettled, sentPercent } from './progress.page';
import { defaultDaysBefore } from './schedule-dialog';
import { imageUrlAllowed } from './text-block-editor';

describe('newsletter rules in the client', () => {
  it('offers 7 days first, fewer when that has passed, and none when the morning has passed', () => {
    const session = '2027-04-01T17:00:00Z'; // Thursday 19:00
    expect(defaultDaysBefore(session, null, Date.parse('2027-03-01T12:00:00Z'))).toBe(7);
    expect(defaultDaysBefore(session, 3, Date.parse('2027-03-01T12:00:00Z'))).toBe(3);
    // Monday 29 March at noon: Tuesday 09:00 (2 days before) is the first still ahead.
    expect(defaultDaysBefore(session, null, Date.parse('2027-03-29T10:00:00Z'))).toBe(2);
    expect(defaultDaysBefore(session, null, Date.parse('2027-04-01T08:00:00Z'))).toBeNull();
    expect(defaultDaysBefore(null, null)).toBe(7);
  });

  it('keeps polling until every delivery is final, or the newsletter is a draft again', () => {
    expect(progressSettled(NewsletterStatus.Scheduled)).toBe(false);
    expect(progressSettled(NewsletterStatus.Sending)).toBe(false);
    expect(progressSettled(NewsletterStatus.Sent)).toBe(true);
    expect(progressSettled(NewsletterStatus.PartlyFailed)).toBe(true);
    expect(progressSettled(NewsletterStatus.Draft)).toBe(true);
  });

  it('counts the share sent, and nothing of nobody', () => {
    expect(sentPercent({ sent: 3, total: 4 })).toBe(75);
    expect(sentPercent({ sent: 0, total: 0 })).toBe(0);
  });

  it('takes images from https addresses and our own uploads only', () => {
    expect(imageUrlAllowed('https://example.dk/billede.jpg')).toBe(true);
    expect(imageUrlAllowed('/api/files/abc.png')).toBe(true);
    expect(imageUrlAllowed('http://example.dk/billede.jpg')).toBe(false);
    expect(imageUrlAllowed('javascript:alert(1)')).toBe(false);
    expect(imageUrlAllowed('https://example.dk/"onerror="x')).toBe(false);
  });
});

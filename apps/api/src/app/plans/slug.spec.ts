import { slugOf } from './slug';

describe(slugOf.name, () => {
  it.each([
    ['Glumsø og Omegn', 'glumsoe-og-omegn'],
    ['Kegnæs', 'kegnaes'],
    ['Ærø – Søby Å', 'aeroe-soeby-aa'],
    ['  Brønderslev/Hjørring ', 'broenderslev-hjoerring'],
    ['Café Ørslev', 'cafe-oerslev'],
    ['???', 'landsby'],
  ])('%s → %s', (name, slug) => {
    expect(slugOf(name)).toBe(slug);
  });

  it('keeps addresses short', () => {
    expect(slugOf('Lang '.repeat(30)).length).toBeLessThanOrEqual(60);
  });
});

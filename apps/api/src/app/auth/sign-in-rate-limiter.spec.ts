import { waitPhrase } from './sign-in-rate-limiter';

describe(waitPhrase.name, () => {
  it.each([
    [1, 'in 1 second'],
    [40, 'in 40 seconds'],
    [60, 'in 1 minute'],
    [61, 'in 2 minutes'],
    [900, 'in 15 minutes'],
  ])('says %i seconds as "%s"', (seconds, phrase) => {
    expect(waitPhrase(seconds)).toBe(phrase);
  });
});

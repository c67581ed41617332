import { ErrorCode } from '@blup/contracts';
import { TooManyAttemptsException, waitPhrase } from './sign-in-rate-limiter';

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

describe(TooManyAttemptsException.name, () => {
  it.each([
    [40, 1],
    [60, 1],
    [61, 2],
    [600, 10],
  ])('after %i seconds, tells the client %i minute(s) to wait', (seconds, minutes) => {
    const sut = new TooManyAttemptsException(seconds, ErrorCode.SignInRateLimited, 'Wait.');

    expect(sut.getStatus()).toBe(429);
    expect(sut.retryAfterSeconds).toBe(seconds);
    expect(sut.getResponse()).toEqual({
      message: 'Wait.',
      code: ErrorCode.SignInRateLimited,
      params: { minutes },
    });
  });
});

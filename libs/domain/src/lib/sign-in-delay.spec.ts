import { signInDelay, type SignInDelayPolicy } from './sign-in-delay';

describe('signInDelay', () => {
  const policy: SignInDelayPolicy = {
    sourceFreeFailures: 5,
    accountFreeFailures: 20,
    maxDelaySeconds: 900,
    ceiling: 100,
  };

  it.each([
    // source, account → sourceSeconds, accountSeconds
    [0, 0, 0, 0],
    [4, 4, 0, 0],
    [5, 5, 0, 0],
    [6, 6, 1, 0],
    [7, 7, 2, 0],
    [8, 8, 4, 0],
    [15, 15, 512, 0],
    [16, 16, 900, 0],
    [60, 60, 900, 900],
    [0, 20, 0, 0],
    [0, 21, 0, 1],
    [1, 24, 0, 8],
    [0, 99, 0, 900],
    [0, 100, 0, 900],
    [10_000, 10_000, 900, 900],
  ])(
    '%i from this address, %i in all → waits %i s here, %i s anywhere',
    (source, account, sourceSeconds, accountSeconds) => {
      expect(signInDelay({ source, account }, policy)).toEqual({ sourceSeconds, accountSeconds });
    },
  );

  it.each([
    [{ ...policy, ceiling: 30, maxDelaySeconds: 60 }, 29, 60],
    [{ ...policy, ceiling: 30, maxDelaySeconds: 600 }, 29, 256],
    [{ ...policy, ceiling: 30, maxDelaySeconds: 600 }, 30, 600],
    [{ ...policy, accountFreeFailures: 50, ceiling: 40 }, 40, 900],
  ])(
    'at and past the ceiling every try on the account waits the longest delay (%j, %i failures → %i s)',
    (rules, account, seconds) => {
      expect(signInDelay({ source: 0, account }, rules).accountSeconds).toBe(seconds);
    },
  );
});

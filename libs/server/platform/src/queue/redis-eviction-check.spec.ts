import { evictionPolicyWarning } from './redis-eviction-check';

describe('evictionPolicyWarning', () => {
  it('is quiet for noeviction', () => {
    expect(evictionPolicyWarning(['maxmemory-policy', 'noeviction'])).toBeNull();
  });

  it('names any other policy', () => {
    expect(evictionPolicyWarning(['maxmemory-policy', 'allkeys-lru'])).toMatch(
      /maxmemory-policy is "allkeys-lru": set it to "noeviction"/,
    );
  });

  it('says when the policy cannot be read', () => {
    expect(evictionPolicyWarning([])).toMatch(/Could not read Redis maxmemory-policy/);
  });
});

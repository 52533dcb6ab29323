import { currentUser, membership } from '../testing/current-users';
import { hasGlobalRole, hasTenantRole, homePathFor } from './current-user-access';

describe('hasTenantRole', () => {
  const user = currentUser([membership('north', 'adviser'), membership('south', 'viewer')]);

  it.each([
    ['north', 'viewer', true],
    ['north', 'adviser', true],
    ['north', 'admin', false],
    ['south', 'viewer', true],
    ['south', 'adviser', false],
    ['east', 'viewer', false],
    [null, 'viewer', false],
  ] as const)('member of %s as at least %s: %s', (slug, role, expected) => {
    expect(hasTenantRole(user, slug, role)).toBe(expected);
  });
});

describe('hasGlobalRole', () => {
  it('is true when the user holds any of the roles', () => {
    const lead = currentUser([], ['programme_lead']);
    expect(hasGlobalRole(lead, 'programme_lead')).toBe(true);
    expect(hasGlobalRole(lead, 'system_admin')).toBe(false);
    expect(hasGlobalRole(lead, 'system_admin', 'programme_lead')).toBe(true);
  });
});

describe('homePathFor', () => {
  it.each([
    ['a member of one LSP', currentUser([membership('north', 'viewer')]), null, '/lsp/north'],
    [
      'a member of two, first visit',
      currentUser([membership('north', 'viewer'), membership('south', 'admin')]),
      null,
      '/lsp/north',
    ],
    [
      'a member of two, last in the second',
      currentUser([membership('north', 'viewer'), membership('south', 'admin')]),
      'south',
      '/lsp/south',
    ],
    [
      'a member whose last LSP is no longer theirs',
      currentUser([membership('north', 'viewer')]),
      'south',
      '/lsp/north',
    ],
    ['a programme lead', currentUser([], ['programme_lead']), null, '/statistics'],
    ['a system admin', currentUser([], ['system_admin']), null, '/admin'],
    [
      'a system admin who is also an LSP member',
      currentUser([membership('north', 'admin')], ['system_admin']),
      null,
      '/lsp/north',
    ],
    ['someone with no role at all', currentUser(), null, '/access-denied'],
  ])('sends %s to their page', (_who, user, lastUsed, path) => {
    expect(homePathFor(user, lastUsed)).toBe(path);
  });
});

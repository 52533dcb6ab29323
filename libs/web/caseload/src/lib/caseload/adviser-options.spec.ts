import type { TenantMember } from '@dspt/contracts';
import { adviserOptions } from './adviser-options';

const member = (userId: string, displayName: string, role: TenantMember['role']): TenantMember => ({
  userId,
  displayName,
  role,
  email: `${userId}@example.org`,
  mfaEnrolled: true,
  joinedAt: '2026-01-01T00:00:00Z',
});

describe('adviserOptions', () => {
  it("puts the user first, then the LSP's advisers and admins by name, without viewers", () => {
    const options = adviserOptions({
      me: { id: 'me', displayName: 'Jo' },
      members: [
        member('z', 'Zed', 'admin'),
        member('v', 'Val', 'viewer'),
        member('me', 'Jo', 'adviser'),
        member('a', 'Ann', 'adviser'),
      ],
      seen: [],
      selectedId: null,
    });

    expect(options).toEqual([
      { value: 'me', label: 'Jo (you)' },
      { value: 'a', label: 'Ann' },
      { value: 'z', label: 'Zed' },
    ]);
  });

  it('without the member list, offers the advisers of the providers on show, and keeps the one filtered by', () => {
    const options = adviserOptions({
      me: null,
      seen: [{ id: 'b', displayName: 'Bo' }, null, { id: 'b', displayName: 'Bo' }],
      selectedId: 'c',
    });

    expect(options).toEqual([
      { value: 'b', label: 'Bo' },
      { value: 'c', label: 'The adviser in this view' },
    ]);
    expect(adviserOptions({ me: null, seen: [], selectedId: 'none' })).toEqual([]);
  });
});

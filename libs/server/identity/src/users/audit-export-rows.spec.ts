import type { AuditEventView } from '@dspt/contracts';
import { AUDIT_EXPORT_COLUMNS, auditExportRow } from './audit-export-rows';

const EVENT: AuditEventView = {
  id: 'e-1',
  occurredAt: '2026-08-09T23:30:00.000Z',
  action: 'membership.role_changed',
  actorEmail: 'ada@example.org',
  targetType: 'user',
  targetId: 'u-1',
  before: { role: 'viewer' },
  after: { role: 'adviser' },
  ip: '127.0.0.1',
};

describe('auditExportRow', () => {
  it.each<[string, Partial<AuditEventView>, Partial<Record<(typeof AUDIT_EXPORT_COLUMNS)[number], string>>]>([
    [
      'an event in words, in UK time',
      {},
      {
        'When (UK time)': '2026-08-10 00:30:00',
        Who: 'ada@example.org',
        'What happened': 'Changed a role',
        Before: '{"role":"viewer"}',
      },
    ],
    ['winter time', { occurredAt: '2026-01-15T09:05:00.000Z' }, { 'When (UK time)': '2026-01-15 09:05:00' }],
    [
      "the portal's own event",
      { actorEmail: null, ip: null, before: null },
      { Who: 'The portal', 'IP address': '', Before: '' },
    ],
    [
      'an action newer than its words',
      { action: 'provider.exploded' },
      { Action: 'provider.exploded', 'What happened': 'provider.exploded' },
    ],
  ])('%s', (_case, overrides, expected) => {
    const row = auditExportRow({ ...EVENT, ...overrides });
    expect(row).toHaveLength(AUDIT_EXPORT_COLUMNS.length);
    const byColumn = Object.fromEntries(AUDIT_EXPORT_COLUMNS.map((column, index) => [column, row[index]]));
    expect(byColumn).toMatchObject(expected);
  });
});

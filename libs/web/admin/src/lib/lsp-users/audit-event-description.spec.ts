import { describeAuditAction, describeAuditChange } from './audit-event-description';

describe('describeAuditAction', () => {
  it('names known actions and shows unknown ones as they are', () => {
    expect(describeAuditAction('membership.role_changed')).toBe('Changed a role');
    expect(describeAuditAction('provider.imported')).toBe('provider.imported');
  });

  it.each([
    ['task.completed', 'Marked a task as done'],
    ['provider.transferred', 'Moved a provider between LSPs'],
    ['caseload.exported', 'Downloaded the caseload'],
    ['audit.exported', 'Downloaded the audit trail'],
  ])('says %s in words', (action, words) => {
    expect(describeAuditAction(action)).toBe(words);
  });
});

describe('describeAuditChange', () => {
  it.each([
    [
      { before: { role: 'viewer' }, after: { role: 'adviser', email: 'jo@example.org' } },
      'jo@example.org: viewer → adviser',
    ],
    [{ before: null, after: { email: 'new@example.org', role: 'viewer' } }, 'new@example.org: viewer'],
    [{ before: { email: 'gone@example.org', role: 'admin' }, after: null }, 'gone@example.org: admin'],
    [{ before: null, after: null }, ''],
    [{ before: 'text', after: [1, 2] }, ''],
  ])('%j → %j', (event, expected) => {
    expect(describeAuditChange(event)).toBe(expected);
  });
});

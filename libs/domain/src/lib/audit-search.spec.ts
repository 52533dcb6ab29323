import { AUDIT_EXPORT_MAX_ROWS, auditSearchProblem } from './audit-search';

describe('auditSearchProblem', () => {
  it.each([
    [{}, null],
    [{ from: '2026-08-09' }, null],
    [{ to: '2026-08-09' }, null],
    [{ from: '2026-08-09', to: '2026-08-09' }, null],
    [{ from: '2026-08-09', to: '2026-08-10' }, null],
    [{ from: '2026-08-10', to: '2026-08-09' }, 'to'],
    [{ from: '2026-12-31', to: '2027-01-01' }, null],
    [{ from: '2027-01-01', to: '2026-12-31' }, 'to'],
    [{ matching: 0 }, null],
    [{ matching: AUDIT_EXPORT_MAX_ROWS }, null],
    [{ matching: AUDIT_EXPORT_MAX_ROWS + 1 }, 'format'],
  ])('%j is refused on %s', (search, field) => {
    expect(auditSearchProblem(search)?.field ?? null).toBe(field);
  });

  it('names the limit when a download would be too large', () => {
    expect(auditSearchProblem({ matching: 60_000 })?.message).toBe(
      `60000 events match; a download holds at most ${AUDIT_EXPORT_MAX_ROWS}, so narrow the dates or filters`,
    );
  });
});

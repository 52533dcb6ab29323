import { caseloadRouteFor } from './caseload.routes';

describe('caseloadRouteFor', () => {
  it.each([
    ['', 'caseload'],
    ['caseload', 'caseload'],
    ['caseload/', 'caseload'],
    ['providers/8716b958-ba8b-4411-971e-7803e0b8db02', 'providers/:providerId'],
    ['providers/new', 'providers/new'],
    ['providers/8716b958-ba8b-4411-971e-7803e0b8db02/edit', 'providers/:providerId/edit'],
    ['tasks', 'tasks'],
    ['import', 'import'],
  ])('%s → %s', (path, expected) => {
    expect(caseloadRouteFor(path)?.path).toBe(expected);
  });

  it('finds no route for a page the caseload does not hold', () => {
    expect(caseloadRouteFor('statistics')).toBeUndefined();
  });
});

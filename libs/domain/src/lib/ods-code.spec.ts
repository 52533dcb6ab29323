import { normaliseOdsCode, odsCodeProblem } from './ods-code';

describe('ODS codes', () => {
  it('normalises to upper case without spaces', () => {
    expect(normaliseOdsCode('  vn3k1 ')).toBe('VN3K1');
  });

  it.each([
    ['VN3K1', 'single_site', null],
    ['VN3K1', 'branch', null],
    ['AX12', 'hq', null],
    ['C1234', 'hq', null],
    ['AB1', 'single_site', null],
    ['AB', 'single_site', 'ODS code must be 3 to 6 letters or digits'],
    ['ABCDEFG', 'single_site', 'ODS code must be 3 to 6 letters or digits'],
    ['VN-K1', 'single_site', 'ODS code must be 3 to 6 letters or digits'],
    ['8HX12', 'single_site', 'ODS codes starting with 8 are not for DSPT social care'],
    ['VN3K1', 'hq', 'This looks like a site code (V + 4 characters): an HQ uses its organisation code'],
  ] as const)('%s as %s: %s', (code, kind, problem) => {
    expect(odsCodeProblem(code, kind)).toBe(problem);
  });
});

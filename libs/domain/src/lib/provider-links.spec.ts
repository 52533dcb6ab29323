import { hqWithBranchesProblem, parentLinkProblem } from './provider-links';

describe('parentLinkProblem', () => {
  const hq = { odsCode: 'A1B2', kind: 'hq' } as const;
  it.each([
    ['a single site without an HQ', { kind: 'single_site', parentOdsCode: null }, undefined, null],
    ['an HQ without an HQ', { kind: 'hq', parentOdsCode: null }, undefined, null],
    ['a branch of an HQ', { kind: 'branch', parentOdsCode: 'A1B2' }, hq, null],
    [
      'a single site naming an HQ',
      { kind: 'single_site', parentOdsCode: 'A1B2' },
      undefined,
      'parent_ods_code is only for branches, and this provider is a single site',
    ],
    [
      'an HQ naming an HQ',
      { kind: 'hq', parentOdsCode: 'A1B2' },
      undefined,
      'parent_ods_code is only for branches, and this provider is an HQ',
    ],
    [
      'a branch naming nothing',
      { kind: 'branch', parentOdsCode: null },
      undefined,
      "A branch needs parent_ods_code: its HQ's ODS code",
    ],
    [
      'a branch of an unknown code',
      { kind: 'branch', parentOdsCode: 'C999' },
      null,
      'No provider with ODS code C999 in this LSP: add the HQ first',
    ],
    [
      'a branch of a single site',
      { kind: 'branch', parentOdsCode: 'VAB12' },
      { odsCode: 'VAB12', kind: 'single_site' },
      'VAB12 is a single site, not an HQ',
    ],
    [
      'a branch of a branch',
      { kind: 'branch', parentOdsCode: 'VAB13' },
      { odsCode: 'VAB13', kind: 'branch' },
      'VAB13 is a branch, not an HQ',
    ],
  ] as const)('%s', (_label, provider, parent, expected) => {
    expect(parentLinkProblem(provider, parent, 'parent_ods_code')).toBe(expected);
  });
});

describe('hqWithBranchesProblem', () => {
  it.each([
    [0, null],
    [1, 'This HQ has 1 branch: link them to another HQ first'],
    [3, 'This HQ has 3 branches: link them to another HQ first'],
  ])('%d branches', (branches, expected) => {
    expect(hqWithBranchesProblem(branches)).toBe(expected);
  });
});

import { isMetOrAbove, providerStatus } from './provider-status';

describe('providerStatus', () => {
  const progress = (completed: number, total = 4) => ({ completed, total });

  it.each([
    [[], progress(0), false, 'not_started'],
    [[], progress(0), true, 'in_progress'],
    [[], progress(2), true, 'in_progress'],
    [[], progress(4), true, 'ready_to_publish'],
    [['approaching_standards'], progress(2), true, 'approaching_standards'],
    [['standards_met'], progress(4), true, 'standards_met'],
    [['approaching_standards', 'standards_exceeded', 'standards_met'], progress(4), true, 'standards_exceeded'],
  ] as const)('published %j, progress %j, touched %s → %s', (publishedLevels, value, anyProgress, expected) => {
    expect(providerStatus({ publishedLevels, progress: value, anyProgress })).toBe(expected);
  });

  it('counts a provider whose CE+ items alone are met as in progress', () => {
    expect(providerStatus({ publishedLevels: [], progress: progress(1), anyProgress: false })).toBe('in_progress');
  });

  it('knows which statuses are done for the cycle', () => {
    expect(isMetOrAbove('standards_met')).toBe(true);
    expect(isMetOrAbove('standards_exceeded')).toBe(true);
    expect(isMetOrAbove('approaching_standards')).toBe(false);
    expect(isMetOrAbove('ready_to_publish')).toBe(false);
  });
});

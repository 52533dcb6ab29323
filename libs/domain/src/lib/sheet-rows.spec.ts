import { parseYesNo, repeatTracker } from './sheet-rows';

describe('parseYesNo', () => {
  it.each([
    ['yes', true],
    [' YES ', true],
    ['y', true],
    ['true', true],
    ['1', true],
    ['no', false],
    ['No', false],
    ['', false],
    [undefined, false],
    ['maybe', null],
    ['2', null],
  ])('%j → %j', (value, expected) => {
    expect(parseYesNo(value)).toBe(expected);
  });
});

describe('repeatTracker', () => {
  it('names the row a key was first on, for every repeat', () => {
    const seen = repeatTracker();
    expect(seen('VAB12', 2)).toBeNull();
    expect(seen('VCD34', 3)).toBeNull();
    expect(seen('VAB12', 4)).toBe('VAB12 is already on row 2');
    expect(seen('VAB12', 7)).toBe('VAB12 is already on row 2');
  });
});

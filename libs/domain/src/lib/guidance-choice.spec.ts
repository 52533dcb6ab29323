import { codesNotOpen, keepChosenItems } from './guidance-choice';

const open = [{ code: '1.1.5' }, { code: '3.2.1' }, { code: '9.1.1' }];

describe('keepChosenItems', () => {
  it.each<[string, readonly string[] | null | undefined, string[]]>([
    ['no choice: every open item', undefined, ['1.1.5', '3.2.1', '9.1.1']],
    ['null: every open item', null, ['1.1.5', '3.2.1', '9.1.1']],
    ['the chosen ones, in DSPT order', ['9.1.1', '1.1.5'], ['1.1.5', '9.1.1']],
    ['a chosen item completed since drops out', ['3.2.1', '4.1.1'], ['3.2.1']],
    ['an empty choice: none', [], []],
  ])('%s', (_, chosen, expected) => {
    expect(keepChosenItems(open, chosen).map((item) => item.code)).toEqual(expected);
  });
});

describe('codesNotOpen', () => {
  it.each<[string, string[], string[]]>([
    ['all open', ['1.1.5', '9.1.1'], []],
    ['names the ones not open, once each', ['4.1.1', '1.1.5', '4.1.1', 'x'], ['4.1.1', 'x']],
    ['none chosen', [], []],
  ])('%s', (_, chosen, expected) => {
    expect(
      codesNotOpen(
        chosen,
        open.map((item) => item.code),
      ),
    ).toEqual(expected);
  });
});

import { isMandatoryForStandardsMet, isQuestionLevel } from './question-level';

describe('question levels', () => {
  it('treats AS and SM items as mandatory for Standards Met, optional items not', () => {
    expect(isMandatoryForStandardsMet('AS')).toBe(true);
    expect(isMandatoryForStandardsMet('SM')).toBe(true);
    expect(isMandatoryForStandardsMet('none')).toBe(false);
  });

  it('recognises only the three levels', () => {
    expect(['AS', 'SM', 'none', 'as', '', null].map(isQuestionLevel)).toEqual([true, true, true, false, false, false]);
  });
});

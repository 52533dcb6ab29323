import { SLUG_PATTERN, suggestSlug } from './suggest-slug';

describe('suggestSlug', () => {
  it.each([
    ['Tyne and Wear Care Alliance', 'tyne-and-wear-care-alliance'],
    ['Tyne & Wear Care Alliance', 'tyne-and-wear-care-alliance'],
    ["  St John's Care Partnership (North)  ", 'st-johns-care-partnership-north'],
    ['Café Société Support', 'cafe-societe-support'],
    ['---', ''],
    ['A'.repeat(70), 'a'.repeat(60)],
  ])('turns %j into %j', (name, slug) => {
    expect(suggestSlug(name)).toBe(slug);
  });

  it('suggests only slugs the pattern accepts', () => {
    for (const name of ['Tyne & Wear', 'North East – LSP', 'x'.repeat(59) + ' y']) {
      expect(suggestSlug(name)).toMatch(SLUG_PATTERN);
    }
  });
});

import { type PublicationCheck, publicationRefusal } from './publication-rules';

const ready: Omit<PublicationCheck, 'level'> = {
  previousLevel: null,
  nextLevel: null,
  approachingStandardsBlockers: 0,
  standardsMetBlockers: 0,
  hasCePlus: false,
};

describe('publicationRefusal', () => {
  it('allows a first Approaching Standards publication once the AS items are done', () => {
    expect(publicationRefusal({ ...ready, level: 'approaching_standards', standardsMetBlockers: 12 })).toBeNull();
  });

  it('refuses Approaching Standards after Approaching Standards, explaining why', () => {
    expect(
      publicationRefusal({ ...ready, level: 'approaching_standards', previousLevel: 'approaching_standards' }),
    ).toBe(
      'The last publication was Approaching Standards, which can be published only once: this time the provider must reach Standards Met',
    );
  });

  it.each([
    ['before an Approaching Standards', 'approaching_standards', 'The next publication is Approaching Standards'],
    ['before a Standards Met', 'standards_met', null],
    ['with nothing after it', null, null],
  ] as const)('judges a back-dated Approaching Standards %s', (_case, nextLevel, refusal) => {
    const result = publicationRefusal({ ...ready, level: 'approaching_standards', nextLevel });
    expect(result === null ? null : result.slice(0, refusal?.length)).toBe(refusal);
  });

  it('lets Standards Met sit before an Approaching Standards', () => {
    expect(publicationRefusal({ ...ready, level: 'standards_met', nextLevel: 'approaching_standards' })).toBeNull();
  });

  it('allows Approaching Standards again after a Standards Met year', () => {
    expect(publicationRefusal({ ...ready, level: 'approaching_standards', previousLevel: 'standards_met' })).toBeNull();
  });

  it('refuses Approaching Standards while AS items are open', () => {
    expect(publicationRefusal({ ...ready, level: 'approaching_standards', approachingStandardsBlockers: 1 })).toBe(
      '1 item needed for Approaching Standards is not complete',
    );
  });

  it('refuses Standards Met and Exceeded while mandatory items are open', () => {
    expect(publicationRefusal({ ...ready, level: 'standards_met', standardsMetBlockers: 3 })).toBe(
      '3 items mandatory for Standards Met are not complete',
    );
    expect(
      publicationRefusal({ ...ready, level: 'standards_exceeded', standardsMetBlockers: 1, hasCePlus: true }),
    ).toBe('1 item mandatory for Standards Exceeded is not complete');
  });

  it('needs Cyber Essentials Plus for Standards Exceeded', () => {
    expect(publicationRefusal({ ...ready, level: 'standards_exceeded' })).toBe(
      'Standards Exceeded needs a current Cyber Essentials Plus certificate',
    );
    expect(publicationRefusal({ ...ready, level: 'standards_exceeded', hasCePlus: true })).toBeNull();
    expect(publicationRefusal({ ...ready, level: 'standards_met', previousLevel: 'approaching_standards' })).toBeNull();
  });
});

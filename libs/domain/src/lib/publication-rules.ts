export const PUBLICATION_LEVELS = ['approaching_standards', 'standards_met', 'standards_exceeded'] as const;
export type PublicationLevel = (typeof PUBLICATION_LEVELS)[number];

export const PUBLICATION_LEVEL_NAMES: Record<PublicationLevel, string> = {
  approaching_standards: 'Approaching Standards',
  standards_met: 'Standards Met',
  standards_exceeded: 'Standards Exceeded',
};

export interface PublicationCheck {
  level: PublicationLevel;
  /** The provider's latest publication before this one, in any cycle. */
  previousLevel: PublicationLevel | null;
  /** The provider's earliest publication after this one's date, when one is back-dated before it. */
  nextLevel: PublicationLevel | null;
  /** Incomplete AS items (for Approaching Standards). */
  approachingStandardsBlockers: number;
  /** Incomplete mandatory items (for Standards Met and above). */
  standardsMetBlockers: number;
  hasCePlus: boolean;
}

/**
 * Why the DSPT would refuse this publication, or null when it may be recorded:
 * - Approaching Standards needs every AS item, and only once: after an Approaching Standards
 *   publication the provider must reach Standards Met, and a back-dated one may not sit just before another;
 * - Standards Met needs every mandatory item;
 * - Standards Exceeded is Standards Met plus a current Cyber Essentials Plus certificate.
 */
export function publicationRefusal(check: PublicationCheck): string | null {
  if (check.level === 'approaching_standards') {
    if (check.previousLevel === 'approaching_standards') {
      return 'The last publication was Approaching Standards, which can be published only once: this time the provider must reach Standards Met';
    }
    if (check.nextLevel === 'approaching_standards') {
      return 'The next publication is Approaching Standards, which can be published only once: one before it must be Standards Met or above';
    }
    if (check.approachingStandardsBlockers > 0) {
      return `${itemsLeft(check.approachingStandardsBlockers)} needed for Approaching Standards ${verb(check.approachingStandardsBlockers)} not complete`;
    }
    return null;
  }
  if (check.standardsMetBlockers > 0) {
    return `${itemsLeft(check.standardsMetBlockers)} mandatory for ${PUBLICATION_LEVEL_NAMES[check.level]} ${verb(check.standardsMetBlockers)} not complete`;
  }
  if (check.level === 'standards_exceeded' && !check.hasCePlus) {
    return 'Standards Exceeded needs a current Cyber Essentials Plus certificate';
  }
  return null;
}

function itemsLeft(count: number): string {
  return `${count} item${count === 1 ? '' : 's'}`;
}

function verb(count: number): string {
  return count === 1 ? 'is' : 'are';
}

import { parseIsoDate, PUBLICATION_LEVEL_NAMES, type PublicationLevel } from '@dspt/domain';

/** "2024-25 Standards Met, published 10/05/2025": the history line people read (UK date order). */
export function publicationSummary(cycleCode: string, level: PublicationLevel, publishedOn: string): string {
  const { year, month, day } = parseIsoDate(publishedOn);
  const twoDigits = (value: number) => String(value).padStart(2, '0');
  return `${cycleCode} ${PUBLICATION_LEVEL_NAMES[level]}, published ${twoDigits(day)}/${twoDigits(month)}/${year}`;
}

import type { CompletionForecast, PreviousCycleSnapshot } from '@dspt/contracts';
import { formatPortalDate, wholeNumber } from '@dspt/web/core';
import { percent } from './figures-table';

/**
 * The headline's forecast in one plain sentence: "At this pace, 63.8% (58.1% to 69.2%) by 30 June 2027:
 * about 1,700 providers short of the 70.0% target." Null when the programme's share is hidden.
 */
export function forecastHeadline(forecast: CompletionForecast): string | null {
  const { total, target } = forecast;
  if (total.projected === null || total.low === null || total.high === null) {
    return null;
  }
  const deadline = formatPortalDate(forecast.deadline);
  if (total.method === 'final') {
    return `Final share by ${deadline}: ${percent(total.projected)}.`;
  }
  const short = total.providersShort;
  const outcome =
    short === null
      ? ''
      : short === 0
        ? `: enough to reach the ${percent(target)} target`
        : `: about ${wholeNumber.format(short)} ${short === 1 ? 'provider' : 'providers'} short of the ${percent(target)} target`;
  const how =
    total.method === 'linearPace'
      ? ' (No earlier cycle to compare with: this carries on the pace of the last four weeks, so the range is wide.)'
      : '';
  return `At this pace, ${percent(total.projected)} (${percent(total.low)} to ${percent(total.high)}) by ${deadline}${outcome}.${how}`;
}

/** Which snapshot of last cycle the comparison uses, or that there is none, with dates as people write them. */
export function previousCycleSentence(previous: PreviousCycleSnapshot, cycle: string): string {
  if (!previous.cycle || !previous.day) {
    return `There is no cycle before ${cycle} to compare with.`;
  }
  const day = formatPortalDate(previous.day);
  return previous.available
    ? `Compared with ${previous.cycle} on ${day}, ${previous.daysToDeadline} days before its deadline, from that day's snapshot.`
    : `No snapshot of ${previous.cycle} was taken ${previous.daysToDeadline} days before its deadline (${day}), so there is nothing to compare with.`;
}

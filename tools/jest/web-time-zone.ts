/**
 * The web tests run as a browser far from the UK would (New York, five hours behind), before any test
 * file loads: screens must show dates and times in UK time whatever the browser's zone, and a test that
 * passed only because the machine runs on UTC would hide that.
 */
export default function webTimeZone(): void {
  process.env['TZ'] = 'America/New_York';
}

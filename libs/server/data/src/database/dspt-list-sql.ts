/**
 * SQL twins of libs/domain dsptListEntryCycle and listShowsMetOrAbove, for queries that must agree with it
 * (the reminder audience and the sender's suppression check). An entry speaks of the cycle its prefix names,
 * else the one its publication date (else the list's own date, in England) falls in: 1 July to 30 June.
 */
export function dsptListEntryCycleSql(entry: string): string {
  const day = `COALESCE(${entry}.published_on, (${entry}.listed_at AT TIME ZONE 'Europe/London')::date)`;
  return `COALESCE(${entry}.status_cycle,
    to_char(${day} - interval '6 months', 'YYYY') || '-' || to_char(${day} + interval '6 months', 'YY'))`;
}

/** True when the DSPT status list shows provider `provider` at Standards Met or above in the cycle coded `cycleCode`. */
export function dsptListShowsMetOrAboveSql(provider: string, cycleCode: string): string {
  return `EXISTS (SELECT 1 FROM dspt_list_entries dle WHERE dle.ods_code = ${provider}.ods_code
            AND dle.status IN ('standards_met', 'standards_exceeded') AND ${dsptListEntryCycleSql('dle')} = ${cycleCode})`;
}

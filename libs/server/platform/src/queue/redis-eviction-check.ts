/** The answer of `CONFIG GET maxmemory-policy`, e.g. ['maxmemory-policy', 'noeviction']. */
export type ConfigGetReply = unknown;

/**
 * What to say about Redis' eviction policy at worker start: BullMQ needs `noeviction`, or Redis may drop
 * queued jobs under memory pressure (Postgres would still hold the work, but it would wait for the next
 * planner run). Null when all is well.
 */
export function evictionPolicyWarning(reply: ConfigGetReply): string | null {
  const policy = Array.isArray(reply) && typeof reply[1] === 'string' ? reply[1] : null;
  if (policy === null) {
    return 'Could not read Redis maxmemory-policy (CONFIG GET may be disabled): make sure it is "noeviction"';
  }
  if (policy !== 'noeviction') {
    return `Redis maxmemory-policy is "${policy}": set it to "noeviction", or Redis may evict queued jobs under memory pressure`;
  }
  return null;
}

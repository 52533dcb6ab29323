/** Redis keys the worker's heartbeat lives under; the api's health check reads the same keys. */
export function workerHeartbeatKey(prefix: string, instanceId: string): string {
  return `${prefix}:worker-heartbeat:${instanceId}`;
}

export function workerHeartbeatPattern(prefix: string): string {
  return `${prefix}:worker-heartbeat:*`;
}

export interface WorkerHeartbeat {
  hostname: string;
  pid: number;
  beatAt: string;
}

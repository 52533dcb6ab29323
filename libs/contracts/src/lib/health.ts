/** The components `GET /api/health` reports on (contract: DESIGN.md §7). */
export const HEALTH_COMPONENTS = ['database', 'redis', 'worker'] as const;
export type HealthComponent = (typeof HEALTH_COMPONENTS)[number];

export interface HealthComponentStatus {
  status: 'up' | 'down';
  message?: string;
  [detail: string]: unknown;
}

/** Terminus' response shape, for 200 and 503 alike. */
export interface HealthResponse {
  status: 'ok' | 'error' | 'shutting_down';
  info?: Partial<Record<HealthComponent, HealthComponentStatus>>;
  error?: Partial<Record<HealthComponent, HealthComponentStatus>>;
  details: Partial<Record<HealthComponent, HealthComponentStatus>>;
}

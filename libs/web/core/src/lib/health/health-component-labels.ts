import type { HealthComponent } from '@dspt/contracts';

export const HEALTH_COMPONENT_LABELS: Readonly<Record<HealthComponent, string>> = {
  database: 'Database (PostgreSQL)',
  redis: 'Queue and sessions (Redis)',
  worker: 'Background worker',
};

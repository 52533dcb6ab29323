import type { HealthComponent } from '@dspt/contracts';

/** One row of the service status: a component the API depends on, and whether it is working. */
export interface ComponentHealth {
  component: HealthComponent;
  label: string;
  up: boolean;
  /** Why the component is down, when the API said. */
  message?: string;
}

import type { HealthResponse } from '@dspt/contracts';
import type { ComponentHealth } from './component-health';

/** What the portal knows about the health of its back end. */
export type PortalHealth =
  | { state: 'checking' }
  | { state: 'reported'; overall: HealthResponse['status']; components: ComponentHealth[]; checkedAt: Date }
  | { state: 'unreachable'; checkedAt: Date };

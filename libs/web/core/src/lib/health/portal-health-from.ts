import { HEALTH_COMPONENTS, type HealthComponentStatus, type HealthResponse } from '@dspt/contracts';
import type { ComponentHealth } from './component-health';
import { HEALTH_COMPONENT_LABELS } from './health-component-labels';
import type { PortalHealth } from './portal-health';

/**
 * Reads a `GET /api/health` body. Anything that is not a Terminus report (a proxy's error page, a network
 * failure) means the API itself cannot be reached.
 */
export function portalHealthFrom(body: unknown, checkedAt: Date): PortalHealth {
  if (!isHealthResponse(body)) {
    return { state: 'unreachable', checkedAt };
  }
  const components = HEALTH_COMPONENTS.map((component): ComponentHealth => {
    const report = body.details[component];
    return {
      component,
      label: HEALTH_COMPONENT_LABELS[component],
      up: report?.status === 'up',
      message: report ? messageOf(report) : 'Not reported by the API',
    };
  });
  return { state: 'reported', overall: body.status, components, checkedAt };
}

function isHealthResponse(body: unknown): body is HealthResponse {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as HealthResponse).status === 'string' &&
    typeof (body as HealthResponse).details === 'object' &&
    (body as HealthResponse).details !== null
  );
}

function messageOf(report: HealthComponentStatus): string | undefined {
  return report.status === 'down' && typeof report.message === 'string' ? report.message : undefined;
}

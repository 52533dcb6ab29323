import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { HealthService, PortalDatePipe } from '@dspt/web/core';
import { Tag } from '@dspt/web/ui';
import type { HealthResponse } from '@dspt/contracts';

const OVERALL_STATUS_TEXT: Record<HealthResponse['status'], string> = {
  ok: 'All services are up',
  error: 'One or more services are down',
  shutting_down: 'The portal is shutting down',
};

@Component({
  selector: 'dspt-status-page',
  imports: [PortalDatePipe, Tag],
  providers: [HealthService],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './status-page.html',
})
export class StatusPage {
  private readonly healthService = inject(HealthService);

  protected readonly health = this.healthService.health;
  protected readonly overallStatusText = computed(() => {
    const health = this.health();
    return health.state === 'reported' ? OVERALL_STATUS_TEXT[health.overall] : undefined;
  });

  protected checkAgain(): void {
    this.healthService.checkNow();
  }
}

import { Pipe, type PipeTransform } from '@angular/core';
import { type PortalDateStyle, formatPortalDate } from './portal-dates';

/**
 * The one way screens show a date: `{{ task.dueOn | portalDate }}` ("9 August 2026"),
 * `{{ note.occurredAt | portalDate: 'dateTime' }}` ("9 August 2026 at 2:05pm"), in UK time.
 */
@Pipe({ name: 'portalDate' })
export class PortalDatePipe implements PipeTransform {
  transform(value: string | Date | null | undefined, style: PortalDateStyle = 'date'): string {
    return formatPortalDate(value, style);
  }
}

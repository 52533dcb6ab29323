import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PageNotFound } from '@dspt/web/ui';

@Component({
  selector: 'dspt-not-found-page',
  imports: [PageNotFound],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<dspt-page-not-found />`,
})
export class NotFoundPage {}

import { Directive, input } from '@angular/core';
import type { Submittable } from './submittable';

/**
 * `<form [dsptForm]="submission">`: turns off the browser's own validation and submits through the
 * given `FormSubmission`. Fields inside it show their errors only once the user has tried to submit.
 */
@Directive({
  selector: 'form[dsptForm]',
  host: { novalidate: '', '(submit)': 'onSubmit($event)' },
})
export class FormDirective {
  readonly submission = input.required<Submittable>({ alias: 'dsptForm' });

  protected onSubmit(event: Event): void {
    event.preventDefault();
    // The submission shows its own outcome (errors, busy state); the directive has nothing to add.
    void this.submission().submit();
  }
}

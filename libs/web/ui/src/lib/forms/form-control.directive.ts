import { Directive, ElementRef, inject } from '@angular/core';
import { FormFieldGroup } from './form-field';

/** Marks the control inside a `dspt-form-field`: takes its id, hint and error from the group. */
@Directive({
  selector: '[dsptControl]',
  host: {
    '[id]': 'group.controlId()',
    '[attr.aria-describedby]': 'group.describedBy()',
    // Screen readers say "invalid entry" on a field that shows an error, as the error message says why.
    '[attr.aria-invalid]': "group.error() ? 'true' : null",
    // A file input has no error style of its own: its form group's error border marks it.
    '[class.nhsuk-input--error]': "tagName === 'INPUT' && type !== 'file' && !!group.error()",
    '[class.nhsuk-select--error]': "tagName === 'SELECT' && !!group.error()",
    '[class.nhsuk-textarea--error]': "tagName === 'TEXTAREA' && !!group.error()",
  },
})
export class FormControlDirective {
  protected readonly group = inject(FormFieldGroup);
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  protected readonly tagName = this.element.tagName;
  protected readonly type = this.element.getAttribute('type');
}

import { Directive, ElementRef, inject } from '@angular/core';
import { FormFieldGroup } from './form-field';

/** Marks the control inside a `dspt-form-field`: takes its id, hint and error from the group. */
@Directive({
  selector: '[dsptControl]',
  host: {
    '[id]': 'group.controlId()',
    '[attr.aria-describedby]': 'group.describedBy()',
    '[class.nhsuk-input--error]': "tagName === 'INPUT' && !!group.error()",
    '[class.nhsuk-select--error]': "tagName === 'SELECT' && !!group.error()",
    '[class.nhsuk-textarea--error]': "tagName === 'TEXTAREA' && !!group.error()",
  },
})
export class FormControlDirective {
  protected readonly group = inject(FormFieldGroup);
  protected readonly tagName = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement.tagName;
}

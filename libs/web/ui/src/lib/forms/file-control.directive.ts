import { Directive, ElementRef, effect, inject, model } from '@angular/core';
import type { FormValueControl } from '@angular/forms/signals';

/**
 * `<input type="file" dsptFile [formField]="form.file">`: a file input as a signal form control whose
 * value is the chosen `File` (null for none). A file input's own value is only a name that scripts may
 * not set, so it cannot be bound like a text input; resetting the field to null clears the input.
 */
@Directive({
  selector: 'input[type=file][dsptFile]',
  host: { '(change)': 'choose()' },
})
export class FileControlDirective implements FormValueControl<File | null> {
  private readonly input = inject<ElementRef<HTMLInputElement>>(ElementRef).nativeElement;

  readonly value = model<File | null>(null);

  constructor() {
    effect(() => {
      if (this.value() === null && this.input.value !== '') {
        this.input.value = '';
      }
    });
  }

  protected choose(): void {
    this.value.set(this.input.files?.[0] ?? null);
  }
}

import type { Signal } from '@angular/core';

/** A form the `dsptForm` directive can submit; field errors show once `attempted` is true. */
export interface Submittable {
  readonly attempted: Signal<boolean>;
  submit(): Promise<boolean>;
}

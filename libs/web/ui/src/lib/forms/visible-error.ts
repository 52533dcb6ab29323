import type { ReadonlyFieldTree } from '@angular/forms/signals';
import type { FormDirective } from './form.directive';

/**
 * The error a field shows: its first one, once the user has tried to submit the form it is in (NHS.UK
 * forms do not validate while the user is still typing), or once it was left, outside such a form.
 */
export function visibleError(field: ReadonlyFieldTree<unknown>, form: FormDirective | null): string | null {
  const state = field();
  const shown = form ? form.submission().attempted() : state.touched();
  if (!shown) {
    return null;
  }
  const [first] = state.errors();
  return first ? (first.message ?? 'Check this answer') : null;
}

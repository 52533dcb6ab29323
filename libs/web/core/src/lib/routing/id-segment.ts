import type { CanMatchFn } from '@angular/router';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WHOLE_NUMBER = /^-?\d{1,6}$/;

/**
 * A route matches only when the address segment at `index` has the form of an id (`'uuid'`) or a whole
 * number (`'number'`): "/lsp/x/providers/not-a-uuid" then falls through to the "Page not found" page
 * instead of asking the API, whose answer ("providerId must be a UUID") is not for users.
 */
export function segmentIs(index: number, form: 'uuid' | 'number'): CanMatchFn {
  return (_route, segments) => {
    const text = segments[index]?.path ?? '';
    return form === 'uuid' ? UUID.test(text) : WHOLE_NUMBER.test(text);
  };
}

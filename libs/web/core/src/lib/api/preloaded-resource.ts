import { type ResourceRef, resource } from '@angular/core';

export interface PreloadedResourceOptions<R, T> {
  /** What to ask for (a provider, say); undefined while there is nothing to ask for yet (the resource is idle). */
  request: () => R | undefined;
  /** The value that came, for this request, with a larger answer; undefined when none did. */
  first: () => T | undefined;
  /** Asks for the value on its own: when none came with the larger answer, and on every reload. */
  load: (request: R) => Promise<T>;
}

/**
 * A resource whose first value can come with others in one answer (a page that asks for all its parts at
 * once), and whose reloads, after a change made in that part, ask the part's own endpoint. A new first
 * value (another provider's page, say) replaces what was shown. Call in an injection context.
 */
export function preloadedResource<R, T>({
  request,
  first,
  load,
}: PreloadedResourceOptions<R, T>): ResourceRef<T | undefined> {
  let shown: T | undefined;
  return resource({
    params: () => {
      const asked = request();
      return asked === undefined ? undefined : { asked, first: first() };
    },
    loader: ({ params }) => {
      if (params.first !== undefined && params.first !== shown) {
        shown = params.first;
        return Promise.resolve(params.first);
      }
      return load(params.asked);
    },
  });
}

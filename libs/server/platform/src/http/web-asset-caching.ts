/** A year: what browsers and proxies allow, and longer than any build stays deployed. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Stored, but checked with the server (ETag) before each use: index.html and unhashed assets. */
export const REVALIDATE_CACHE_CONTROL = 'no-cache';

/**
 * The web build names its scripts and stylesheets after a hash of their content (`main-WMUIZRS3.js`,
 * `chunk-BjGXx7P-.js`, `styles-ZXJFVZKU.css`) and puts media its CSS bundles under `media/`: a new build
 * gets new names, so such a file never changes under its name and may be cached for good. Anything else
 * (index.html, the NHS.UK icons copied to assets/) can change under the same name.
 * `path` is relative to the build's root, with forward slashes.
 */
export function isContentHashed(path: string): boolean {
  return /^\/?((main|polyfills|styles|chunk|worker)-[A-Za-z0-9_-]{8}\.(js|css)|media\/[^/]+)$/.test(path);
}

export function cacheControlFor(path: string): string {
  return isContentHashed(path) ? IMMUTABLE_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL;
}

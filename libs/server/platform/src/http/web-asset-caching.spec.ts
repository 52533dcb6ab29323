import { cacheControlFor, isContentHashed } from './web-asset-caching';

describe('isContentHashed', () => {
  it.each([
    ['main-WMUIZRS3.js', true],
    ['/main-WMUIZRS3.js', true],
    ['chunk-BjGXx7P-.js', true],
    ['chunk-24t47CJF.js', true],
    ['chunk-a_b-C9dE.js', true],
    ['polyfills-B6TNHZQ6.js', true],
    ['styles-ZXJFVZKU.css', true],
    ['media/nhsuk-icon-QWERTY12.svg', true],
    ['index.html', false],
    ['/index.html', false],
    ['assets/nhsuk/images/favicon.ico', false],
    // Eight characters after a dash, but the NHS.UK icon's own name, not a hash.
    ['assets/nhsuk/images/nhsuk-icon-180.png', false],
    ['main.js', false],
    ['main-WMUIZRS.js', false],
    ['main-WMUIZRS3X.js', false],
    ['assets/main-WMUIZRS3.js', false],
  ])('%s → %s', (path, expected) => {
    expect(isContentHashed(path)).toBe(expected);
  });
});

describe('cacheControlFor', () => {
  it('caches hashed files for a year and has everything else revalidated', () => {
    expect(cacheControlFor('main-WMUIZRS3.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('index.html')).toBe('no-cache');
  });
});

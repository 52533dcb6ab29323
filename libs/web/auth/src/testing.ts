/**
 * For the web libraries' page tests (`@dspt/web/auth/testing`): pages routed as the app routes them, for a
 * signed-in user the tests choose. Not part of the library's public code.
 */
export { OtherPage } from './lib/testing/routed-page';
export { RoutedPages } from './lib/testing/routed-pages';

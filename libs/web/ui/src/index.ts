export * from './lib/footer';
export * from './lib/header';
export * from './lib/skip-link';
export * from './lib/tag';
export * from './lib/tag-colour';

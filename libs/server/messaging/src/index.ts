export * from './mail';
export * from './templates';

export * from './config';
export * from './logging';
export * from './redis';
export * from './crypto';
export * from './http';
export * from './health';
export * from './queue';
export * from './spreadsheets';

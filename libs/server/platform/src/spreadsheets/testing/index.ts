export * from './ods-files';
export * from './zip-files';

export * from './dspt-list';
export * from './lsp-coverage';

export * from './schema-check';
export * from './check-files';

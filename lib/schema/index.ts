export * from './schema-check';

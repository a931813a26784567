export * from './advisor';
export * from './design';
export * from './packing';
export * from './rules';

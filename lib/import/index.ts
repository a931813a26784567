export { importManifests } from './convert';
export type { ImportOptions, ImportResult } from './convert';
export { formatImportProblem, ImportError } from './problems';
export type { ImportProblem, Origin } from './problems';
export type { ImportInput } from './read';

export { importManifests, ImportOptions, ImportResult } from './convert';
export { formatImportProblem, ImportError, ImportProblem, Origin } from './problems';
export { ImportInput } from './read';

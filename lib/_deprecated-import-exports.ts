/**
 * The importer as the library's index exported it before it had an entry
 * of its own (`peapod/import`). The index keeps these names so that
 * programs written against 0.1 compile, but no longer loads the importer
 * with the library: `importManifests` loads it on its first call.
 */
import type { ImportOptions, ImportResult } from './import/convert';
import type { ImportInput } from './import/read';

export type { ImportOptions, ImportResult } from './import/convert';
export type { ImportProblem, Origin } from './import/problems';
export type { ImportInput } from './import/read';
// Plain classes and functions of their own: they load nothing else of the importer.
export { formatImportProblem, ImportError } from './import/problems';

/**
 * Converts Kubernetes manifests into the source of a Peapod chart class.
 * @deprecated Import it from `peapod/import`, the importer's own entry:
 * `import { importManifests } from 'peapod/import'`. The library's index
 * will stop exporting the importer.
 */
export function importManifests(inputs: readonly ImportInput[], options: ImportOptions = {}): ImportResult {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { importManifests: convert } = require('./import/convert') as typeof import('./import/convert');
  return convert(inputs, options);
}

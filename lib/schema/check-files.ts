import * as fs from 'fs';
import * as path from 'path';
import { isScalar, parseAllDocuments, visit } from 'yaml';
import { goYamlValue } from '../_yaml-quoting';
import { checkManifest, CheckOptions, formatSchemaProblem, KUBERNETES_SCHEMA_VERSION, manifestLabel } from './schema-check';

/** What {@link checkManifestFiles} found. */
export interface FilesReport {
  /** The manifest files read, in order. */
  readonly files: readonly string[];
  /** How many manifests they held. */
  readonly manifests: number;
  /** One line per problem: `file: kind/name (document n) field: message`. */
  readonly problems: readonly string[];
}

const MANIFEST_FILE = /\.(ya?ml|json)$/;

/**
 * Checks every manifest of the given files and folders (a folder: its
 * `.yaml`, `.yml` and `.json` files, not recursing) against the Kubernetes
 * schema, read as kubectl reads them (so a plain `yes` is a boolean, and
 * `0X1F` a number). A file that does not parse is a problem too.
 */
export function checkManifestFiles(paths: readonly string[], options: CheckOptions = {}): FilesReport {
  const files = paths.flatMap((p) => {
    if (!fs.existsSync(p)) {
      throw new Error(`${p}: no such file or folder`);
    }
    return fs.statSync(p).isDirectory()
      ? fs.readdirSync(p).filter((name) => MANIFEST_FILE.test(name)).sort().map((name) => path.join(p, name))
      : [p];
  });
  let manifests = 0;
  const problems: string[] = [];
  for (const file of files) {
    // Read as kubectl reads: YAML 1.1, with go-yaml's own reading of plain scalars (`yes`, `on`, `0X1F`, `0o17`, `1_000`).
    parseAllDocuments(fs.readFileSync(file, 'utf8'), { version: '1.1' }).forEach((doc, i) => {
      const where = `${file}: document ${i + 1}`;
      if (doc.errors.length > 0) {
        problems.push(`${where}: not valid YAML: ${doc.errors[0].message.split('\n')[0].replace(/:$/, '')}`);
        return;
      }
      visit(doc, {
        Scalar: (_key, node) => {
          if (isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string') {
            node.value = goYamlValue(node.value);
          }
        },
      });
      const manifest = doc.toJS();
      if (manifest === null || manifest === undefined) {
        return; // an empty document, such as a trailing `---`
      }
      manifests++;
      for (const problem of checkManifest(manifest, options)) {
        problems.push(`${where} (${manifestLabel(manifest)}) ${formatSchemaProblem(problem)}`);
      }
    });
  }
  return { files, manifests, problems };
}

/** The closing line of a check, for people. */
export function summarize(report: FilesReport): string {
  const counted = `${report.manifests} manifest${report.manifests === 1 ? '' : 's'} in ${report.files.length} file${report.files.length === 1 ? '' : 's'}`;
  return report.problems.length === 0
    ? `${counted}: all match the Kubernetes ${KUBERNETES_SCHEMA_VERSION} schema`
    : `${counted}: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} against the Kubernetes ${KUBERNETES_SCHEMA_VERSION} schema`;
}

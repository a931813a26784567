/**
 * Checks manifests against the Kubernetes 1.27 schema, unknown fields
 * included: `npm run validate` checks `dist/`; `npm run validate -- a.yaml
 * other-folder/` checks what you name. `--skip-unknown-kinds` lets custom
 * resources through unchecked. Exits 1 when a manifest does not match, 2 on
 * a usage error.
 */
import { checkManifestFiles, summarize } from '../lib/schema/check-files';

function main(argv: readonly string[]): number {
  const skipUnknownKinds = argv.includes('--skip-unknown-kinds');
  const unknownFlag = argv.find((arg) => arg.startsWith('-') && arg !== '--skip-unknown-kinds');
  if (unknownFlag) {
    console.error(`unknown option ${unknownFlag}; usage: validate-manifests [--skip-unknown-kinds] [file or folder ...] (default: dist)`);
    return 2;
  }
  const paths = argv.filter((arg) => !arg.startsWith('-'));
  let report;
  try {
    report = checkManifestFiles(paths.length > 0 ? paths : ['dist'], { skipUnknownKinds });
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (report.files.length === 0) {
    console.error(`no .yaml, .yml or .json file in ${paths.join(', ') || 'dist'}; run \`npm run synth\` first`);
    return 2;
  }
  report.problems.forEach((line) => console.error(line));
  (report.problems.length > 0 ? console.error : console.log)(summarize(report));
  return report.problems.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));

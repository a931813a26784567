import { ImportError, importManifests } from '../../lib/import';

/** The problems an import of `text` (as the file `in.yaml`) reports, one line each; throws when it succeeds. */
export function problemsOf(text: string): string[] {
  try {
    importManifests([{ file: 'in.yaml', text }]);
  } catch (error) {
    if (error instanceof ImportError) {
      return error.message.split('\n').slice(1).map((line) => line.trim());
    }
    throw error;
  }
  throw new Error('the import succeeded');
}

/**
 * What stderr of a successful `peapod import -o` holds: at most the summary
 * of the lint warnings the input raises (its own tests check its text), then
 * the line naming what was written.
 */
export function wroteChart(className: string, out: string): unknown {
  const file = out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return expect.stringMatching(new RegExp(`^(peapod import: \\d+ lint warnings? of \\d+ rules?, [^\\n]*\\n(  [^\\n]*\\n)+)?peapod import: wrote ${className} to ${file}\\n$`));
}

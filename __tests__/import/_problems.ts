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

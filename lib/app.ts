import * as fs from 'fs';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { withSynthCaches } from './_synth';

/** Properties of an {@link App}. */
export interface AppProps extends cdk8s.AppProps {}

/**
 * A cdk8s App whose synth is all or nothing: manifests are written to a
 * scratch folder beside the output and moved into place only when every
 * chart validated and rendered. A failed synth leaves no manifest in the
 * output folder, neither partial nor stale, and throws one error listing
 * every problem of the app.
 */
export class App extends cdk8s.App {
  public constructor(props: AppProps = {}) {
    super(props);
  }

  public synth(): void {
    const outdir = this.outdir;
    const scratch = fs.mkdtempSync(path.join(path.dirname(path.resolve(outdir)), `.${path.basename(outdir)}.synth-`));
    try {
      (this as { outdir: string }).outdir = scratch;
      withSynthCaches(() => super.synth());
    } catch (error) {
      fs.rmSync(scratch, { recursive: true, force: true });
      removeManifests(outdir, this.outputFileExtension);
      throw asSynthError(error);
    } finally {
      (this as { outdir: string }).outdir = outdir;
    }
    try {
      fs.mkdirSync(outdir, { recursive: true });
      removeManifests(outdir, this.outputFileExtension);
      for (const file of fs.readdirSync(scratch)) {
        fs.renameSync(path.join(scratch, file), path.join(outdir, file));
      }
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }
}

/** The error a failed synth throws: the list of problems, without a stack trace to wade through. */
export class SynthError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'SynthError';
    // Node prints `stack` for an uncaught error; the problems are what matters.
    this.stack = `${this.name}: ${message}`;
  }
}

function asSynthError(error: unknown): Error {
  if (error instanceof Error && error.message.startsWith('Validation failed with the following errors:')) {
    const lines = error.message.split('\n').slice(1).map((line) => line.trim());
    return new SynthError(`synth failed with ${lines.length} problem${lines.length === 1 ? '' : 's'}; no manifest was written:\n  ${lines.join('\n  ')}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

function removeManifests(outdir: string, extension: string): void {
  if (!fs.existsSync(outdir)) {
    return;
  }
  for (const file of fs.readdirSync(outdir)) {
    if (file.endsWith(extension)) {
      fs.rmSync(path.join(outdir, file), { force: true });
    }
  }
}

import { deepStrictEqual } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { SynthError } from '../../lib';
import { buildProgram, ProgramDesc, ResourceKind } from './program';

/** What synthesizing a program did. */
export type Outcome =
  | { readonly kind: 'written'; readonly manifests: readonly unknown[] }
  | { readonly kind: 'refused'; readonly message: string };

/**
 * Builds a program and synthesizes it into `dir/dist`, as `cdk8s synth`
 * would. Returns the manifests written, or the SynthError's message. Any
 * other exception is a crash and is thrown with the program's output state;
 * a refusal that left a manifest, or scratch folders, behind is thrown too.
 */
export function synthesize(program: ProgramDesc, dir: string, kinds: readonly ResourceKind<never>[]): Outcome {
  const outdir = path.join(dir, 'dist');
  fs.rmSync(outdir, { recursive: true, force: true });
  let refusal: string | undefined;
  try {
    buildProgram(program, outdir, kinds).synth();
  } catch (error) {
    if (!(error instanceof SynthError)) {
      throw new Error(`synth crashed instead of reporting a problem: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, { cause: error });
    }
    refusal = error.message;
  }
  const leftovers = fs.readdirSync(dir).filter((name) => name !== 'dist');
  if (leftovers.length > 0) {
    throw new Error(`synth left ${leftovers.join(', ')} beside the output folder`);
  }
  const files = fs.existsSync(outdir) ? fs.readdirSync(outdir).sort() : [];
  if (refusal !== undefined) {
    if (files.length > 0) {
      throw new Error(`synth refused the program but wrote ${files.join(', ')}`);
    }
    return { kind: 'refused', message: refusal };
  }
  const read = (version: '1.1' | '1.2') =>
    files.flatMap((file) => parseAllDocuments(fs.readFileSync(path.join(outdir, file), 'utf8'), { version }).map((doc) => doc.toJS()));
  const manifests = read('1.2');
  // Readers of either YAML version see the same manifests: no string that one takes for a number or boolean is left unquoted.
  deepStrictEqual(read('1.1'), manifests, 'the manifests read alike as YAML 1.1 and 1.2');
  return { kind: 'written', manifests };
}

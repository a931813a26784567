import type { JsonObject } from '../validation/_json';
import { readKubectlYaml } from './_kubectl-yaml';
import { Findings, Origin } from './problems';

/** A YAML file to import. */
export interface ImportInput {
  /** The name to report it by: a path, or `-` for standard input. */
  readonly file: string;
  /** Its text. */
  readonly text: string;
}

/** One Kubernetes object of the input, with where it came from. */
export interface InputObject {
  readonly origin: Origin;
  readonly value: unknown;
}

/**
 * Parses every document of every file the way kubectl reads them
 * (`_kubectl-yaml.ts`): YAML 1.1 as go-yaml v2 resolves it, where `0644` is
 * an octal number, `yes` a boolean and `2024-01-01` a string. Empty
 * documents are skipped; a `List` stands for its items. Syntax errors and
 * values kubectl would refuse or read otherwise are recorded with their
 * line and column.
 */
export function readObjects(inputs: readonly ImportInput[], findings: Findings): InputObject[] {
  const objects: InputObject[] = [];
  for (const input of inputs) {
    readKubectlYaml(input.text).forEach((document, i) => {
      const origin: Origin = { file: input.file, document: i + 1, prefix: '' };
      if (document.problems.length > 0) {
        for (const problem of document.problems) {
          findings.problems.push({ origin, field: '', message: problem.message, fix: 'correct the YAML', position: position(input.text, problem.offset) });
        }
        return;
      }
      const value = document.value;
      if (value === null || value === undefined) {
        return;
      }
      if (typeof value !== 'object' || Array.isArray(value)) {
        findings.problem(origin, '', `the document is ${describe(value)}, not a Kubernetes object`, 'give each document apiVersion, kind, metadata and spec');
        return;
      }
      const { kind, items } = value as JsonObject;
      if (kind === 'List' && Array.isArray(items)) {
        items.forEach((item: unknown, j: number) => objects.push({ origin: { ...origin, prefix: `items[${j}]` }, value: item }));
        return;
      }
      objects.push({ origin, value });
    });
  }
  return objects;
}

// `line:column`, both from 1, of an offset in the text: computed only for a problem, which few files have.
function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}

/** A value's type and text, for messages: `a number (8080)`, `a list`. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) {
    return 'empty';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (typeof value === 'object') {
    return 'a mapping';
  }
  return `${typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'a boolean' : 'a string'} (${JSON.stringify(value)})`;
}

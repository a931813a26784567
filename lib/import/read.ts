import * as YAML from 'yaml';
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
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly value: any;
}

/**
 * Parses every document of every file, the way kubectl reads them: YAML
 * 1.1, where `0644` is an octal number and `yes` a boolean. Empty
 * documents are skipped; a `List` stands for its items. Syntax errors are
 * recorded with their line and column.
 */
export function readObjects(inputs: readonly ImportInput[], findings: Findings): InputObject[] {
  const objects: InputObject[] = [];
  for (const input of inputs) {
    const lineCounter = new YAML.LineCounter();
    const documents = YAML.parseAllDocuments(input.text, { version: '1.1', lineCounter, prettyErrors: false });
    const list = Array.isArray(documents) ? documents : [documents];
    list.forEach((document, i) => {
      const origin: Origin = { file: input.file, document: i + 1, prefix: '' };
      if (document.errors.length > 0) {
        for (const error of document.errors) {
          const pos = lineCounter.linePos(error.pos[0]);
          findings.problems.push({
            origin,
            field: '',
            message: `YAML syntax error: ${error.message.split('\n')[0]}`,
            fix: 'correct the YAML',
            position: `${pos.line}:${pos.col}`,
          });
        }
        return;
      }
      const value = document.toJS({ maxAliasCount: 1000 });
      if (value === null || value === undefined) {
        return;
      }
      if (typeof value !== 'object' || Array.isArray(value)) {
        findings.problem(origin, '', `the document is ${describe(value)}, not a Kubernetes object`, 'give each document apiVersion, kind, metadata and spec');
        return;
      }
      if (value.kind === 'List' && Array.isArray(value.items)) {
        value.items.forEach((item: unknown, j: number) => objects.push({ origin: { ...origin, prefix: `items[${j}]` }, value: item }));
        return;
      }
      objects.push({ origin, value });
    });
  }
  return objects;
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

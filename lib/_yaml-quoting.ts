import * as fs from 'fs';
import * as path from 'path';
import { isScalar, parseAllDocuments, visit } from 'yaml';

/*
 * cdk8s writes YAML 1.1, and leaves unquoted the strings that YAML 1.1 reads
 * as strings. kubectl reads manifests with go-yaml v2, which resolves a plain
 * scalar with Go's number parser: `0o17`, `0O7`, `-0o1` and `0b1` become
 * numbers there, so a label value "0o17" reaches the API server as 17 and is
 * refused. These helpers quote every plain string go-yaml could read as
 * something else; quoting a string that needed none changes nothing.
 */

// The words go-yaml v2 resolves to booleans, null, infinities and NaN, and the merge key.
const KEYWORDS = new Set(
  ['y', 'yes', 'n', 'no', 'true', 'false', 'on', 'off', 'null', '~', '.inf', '-.inf', '+.inf', '.nan', '<<'].flatMap((word) => [
    word,
    word.toUpperCase(),
    word.charAt(0).toUpperCase() + word.slice(1),
    word.replace('.i', '.I').replace('.n', '.N'),
  ]),
);
// Integers as Go's strconv reads them with base 0 (after go-yaml drops "_"), and YAML-style floats.
const GO_NUMBER = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[0-9]+)$|^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
// Dates and times, which go-yaml v2 resolves to timestamps.
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/;

// What YAML 1.1 reads as a string but go-yaml as a number needs a 0o/0b
// prefix or a digit beside "_" (the keywords, other numbers and dates YAML
// 1.1 reads as such too, so cdk8s quotes them already). A file without any
// is left unparsed: synth writes thousands. ("<<" is left alone: the yaml
// package will not quote it, and go-yaml merges only on a mapping key.)
const MAY_BE_MISREAD_BY_GO = /0[oObB]|[0-9]_|_[0-9]/;

/**
 * Whether YAML text may hold a plain string go-yaml misreads; `false` means
 * it surely holds none. The writer asks it of each document as it writes.
 */
export function mayBeMisreadByGo(text: string): boolean {
  return MAY_BE_MISREAD_BY_GO.test(text);
}

// Files that Peapod's writer wrote and found free of such strings, by path:
// the quoting pass need not read them back (at 10,000 Pods, reading the
// chart back doubled its text in memory).
const writtenClean = new Set<string>();

/** Records that `file` was just written, and whether its text may need quoting. @internal */
export function _noteWritten(file: string, mayNeedQuoting: boolean): void {
  if (mayNeedQuoting) {
    writtenClean.delete(path.resolve(file));
  } else {
    writtenClean.add(path.resolve(file));
  }
}

/** Whether go-yaml v2 would read `text`, written as a plain scalar, as anything but that string. */
export function readAsNonString(text: string): boolean {
  return KEYWORDS.has(text) || GO_NUMBER.test(text.replace(/_/g, '')) || TIMESTAMP.test(text);
}

/**
 * Rewrites the manifests in `dir`, and in the folders in it at any depth
 * (FOLDER_PER_CHART_FILE_PER_RESOURCE writes one per chart), whose plain
 * string scalars (keys or values) go-yaml would misread, quoting those;
 * other files are left byte for byte, and those the writer found clean are
 * not read at all.
 */
export function quoteAmbiguousStrings(dir: string, extension: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const at = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      quoteAmbiguousStrings(at, extension);
      continue;
    }
    if (!entry.name.endsWith(extension) || writtenClean.delete(path.resolve(at))) {
      continue;
    }
    const text = fs.readFileSync(at, 'utf8');
    if (!mayBeMisreadByGo(text)) {
      continue;
    }
    const docs = parseAllDocuments(text, { version: '1.1' });
    let changed = false;
    for (const doc of docs) {
      visit(doc, {
        Scalar: (_key, node) => {
          if (isScalar(node) && typeof node.value === 'string' && (node.type === 'PLAIN' || node.type === undefined) && readAsNonString(node.value)) {
            node.type = 'QUOTE_DOUBLE';
            changed = true;
          }
        },
      });
    }
    if (changed) {
      fs.writeFileSync(at, docs.map((doc) => doc.toString({ lineWidth: 0 })).join(''));
    }
  }
}

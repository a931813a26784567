import * as fs from 'fs';

/**
 * The shapes of cdk8s-plus-27's L1 types (`k8s.PodSpec`, …), read from its
 * declaration file. Fields that Peapod does not model are written in the
 * generated code as L1 values, whose property names are not always the
 * manifest's (`hostIPC` is `hostIpc`) and whose quantities and int-or-string
 * values are objects; the converter needs both to write them.
 */

/** The type of an L1 field: a primitive, an L1 interface, a list or a map of one. */
export type L1Type =
  | { readonly kind: 'primitive'; readonly name: 'string' | 'number' | 'boolean' | 'any' }
  | { readonly kind: 'quantity' }
  | { readonly kind: 'intOrString' }
  | { readonly kind: 'interface'; readonly name: string }
  | { readonly kind: 'list'; readonly of: L1Type }
  | { readonly kind: 'map'; readonly of: L1Type };

/** One field of an L1 interface. */
export interface L1Field {
  /** The property name in TypeScript (`hostIpc`). */
  readonly property: string;
  /** Whether the field may be left out. */
  readonly optional: boolean;
  readonly type: L1Type;
}

/** L1 interfaces by name; each maps manifest field names to fields. */
export type L1Schema = ReadonlyMap<string, ReadonlyMap<string, L1Field>>;

let cached: L1Schema | undefined;

/** The schema of cdk8s-plus-27's L1 types, read once. */
export function l1Schema(): L1Schema {
  cached ??= parseL1Declarations(fs.readFileSync(require.resolve('cdk8s-plus-27/lib/imports/k8s.d.ts'), 'utf8'));
  return cached;
}

/**
 * Reads the interfaces of a cdk8s import's declaration file. Each property
 * carries a `@schema io.k8s…#jsonName` tag naming its manifest field, which
 * is how L1 names map back to manifest names.
 */
export function parseL1Declarations(text: string): L1Schema {
  const schema = new Map<string, Map<string, L1Field>>();
  const lines = text.split('\n');
  let current: Map<string, L1Field> | undefined;
  let jsonName: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const start = /^export interface (\w+) \{$/.exec(line);
    if (start) {
      current = new Map();
      schema.set(start[1], current);
      continue;
    }
    if (!current) {
      continue;
    }
    if (line === '}') {
      current = undefined;
      continue;
    }
    const tag = /@schema \S+#(\S+)$/.exec(line);
    if (tag) {
      jsonName = tag[1];
      continue;
    }
    const prop = /^readonly (\w+)(\??): (.+)$/.exec(line);
    if (prop && jsonName !== undefined) {
      let typeText = prop[3];
      if (typeText === '{') {
        // A map spans three lines: `{`, `[key: string]: T;`, `};`.
        typeText = `{ ${lines[i + 1].trim()} }`;
        i += 2;
      }
      current.set(jsonName, { property: prop[1], optional: prop[2] === '?', type: parseType(typeText.replace(/;$/, '')) });
      jsonName = undefined;
    }
  }
  return schema;
}

function parseType(text: string): L1Type {
  const map = /^\{ \[key: string\]: (.+?);? \}$/.exec(text);
  if (map) {
    return { kind: 'map', of: parseType(map[1]) };
  }
  if (text.endsWith('[]')) {
    return { kind: 'list', of: parseType(text.slice(0, -2)) };
  }
  switch (text) {
    case 'string':
    case 'number':
    case 'boolean':
      return { kind: 'primitive', name: text };
    case 'Quantity':
      return { kind: 'quantity' };
    case 'IntOrString':
      return { kind: 'intOrString' };
    default:
      return /^\w+$/.test(text) ? { kind: 'interface', name: text } : { kind: 'primitive', name: 'any' };
  }
}

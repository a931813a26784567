import { laterFieldDetail, laterFieldFix, laterFieldOf } from '../_later-fields';
import { Code, jsonLiteral, objectOf } from './code';
import { FieldReader, join } from './fields';
import { L1Type, l1Schema } from './l1-schema';
import { describe } from './read';

/** What writing an L1 value needed. */
export interface L1Usage {
  /** The generated code refers to `k8s.Quantity` or `k8s.IntOrString`. */
  usesK8s: boolean;
}

/**
 * The literal of a manifest value in cdk8s-plus-27's L1 form: property
 * names as the L1 types spell them, quantities and int-or-string values as
 * `k8s.Quantity` and `k8s.IntOrString`. Records a problem for a field the
 * Kubernetes API does not have, a missing required field, or a value of the
 * wrong type. `json` writes plain values for JSON patches, which cannot
 * carry those classes.
 */
export function l1Literal(value: unknown, type: L1Type, at: string, reader: FieldReader, usage: L1Usage, json = false): Code | undefined {
  switch (type.kind) {
    case 'primitive': {
      if (type.name !== 'any' && typeof value !== type.name) {
        reader.problem(at, `is ${describe(value)}; expected a ${type.name}`, type.name === 'string' ? 'quote it' : `write a ${type.name} without quotes`);
        return undefined;
      }
      return jsonLiteral(value);
    }
    case 'quantity':
    case 'intOrString': {
      if (typeof value !== 'string' && typeof value !== 'number') {
        reader.problem(at, `is ${describe(value)}; expected a number or a string`, 'write a number or a string');
        return undefined;
      }
      if (json) {
        reader.problem(at, 'is a field Peapod writes through a JSON patch, which cannot hold a quantity or port', 'leave the field out, or set it in the code after the import');
        return undefined;
      }
      usage.usesK8s = true;
      const cls = type.kind === 'quantity' ? 'k8s.Quantity' : 'k8s.IntOrString';
      return `${cls}.${typeof value === 'number' ? 'fromNumber' : 'fromString'}(${jsonLiteral(value) as string})`;
    }
    case 'list': {
      const list = reader.list(value, at);
      if (!list) {
        return undefined;
      }
      const items = list.map((item, i) => l1Literal(item, type.of, `${at}[${i}]`, reader, usage, json));
      return items.every((i) => i !== undefined) ? { array: items as Code[] } : undefined;
    }
    case 'map': {
      const map = reader.map(value, at);
      if (!map) {
        return undefined;
      }
      const entries = Object.entries(map).map(([key, item]) => [key, l1Literal(item, type.of, `${at}.${key}`, reader, usage, json)] as const);
      return entries.every(([, c]) => c !== undefined) ? objectOf(entries) : undefined;
    }
    case 'interface':
      return l1Object(value, type.name, at, reader, usage, json);
  }
}

/** An object of the L1 interface `name`; `partial` when it holds only some of its fields, as an escape hatch does. */
export function l1Object(value: unknown, name: string, at: string, reader: FieldReader, usage: L1Usage, json = false, partial = false): Code | undefined {
  const map = reader.map(value, at);
  // The schema is read only when there is a value to check (reading it takes a while).
  const fields = map && l1Schema().get(name);
  if (!map || !fields) {
    return undefined;
  }
  let ok = true;
  const entries: [string, Code][] = [];
  for (const [key, item] of Object.entries(map)) {
    const field = fields.get(key);
    if (!field) {
      const later = laterFieldOf(name, key);
      reader.problem(
        join(at, key),
        later ? laterFieldDetail(later) : `is not a field of ${name}`,
        later ? laterFieldFix(later) : 'check the spelling against the Kubernetes API reference, or remove it',
      );
      ok = false;
      continue;
    }
    const code = l1Literal(item, field.type, join(at, key), reader, usage, json);
    if (code === undefined) {
      ok = false;
    } else {
      entries.push([field.property, code]);
    }
  }
  if (!partial) {
    for (const [key, field] of fields) {
      if (!field.optional && !(key in map)) {
        reader.problem(join(at, key), 'is missing', `add ${key}; ${name} requires it`);
        ok = false;
      }
    }
  }
  return ok ? { object: entries } : undefined;
}

/** The L1 property name of a manifest field of `name`, for JSON patch paths. */
export function l1Property(name: string, field: string): string | undefined {
  return l1Schema().get(name)?.get(field)?.property;
}

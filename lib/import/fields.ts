import type { JsonObject } from '../validation/_json';
import { setOwn } from './_kubectl-yaml';
import { Findings, Origin } from './problems';
import { describe } from './read';

/** A mapping of the input (the import's own copy, which it may change): a field holds anything until a reader narrows it. */
export type YamlMap = Record<string, unknown>;

/** An object of the input as the import accepted it: a mapping whose metadata is a mapping (importManifests checks both). */
export interface InputMap extends YamlMap {
  readonly metadata: YamlMap;
}

/**
 * Reads the fields of one input object, recording a problem, with the
 * field path, for each value that is missing or of the wrong type.
 */
export class FieldReader {
  public constructor(
    public readonly findings: Findings,
    public readonly origin: Origin,
  ) {}

  /** Records a problem of the object at `field`. */
  public problem(field: string, message: string, fix: string, rule?: string): void {
    this.findings.problem(this.origin, field, message, fix, rule);
  }

  /** Records a change the import made at `field`. */
  public note(field: string, message: string): void {
    this.findings.note(this.origin, field, message);
  }

  /** The value, or a "missing" problem when it is absent. */
  public required(map: YamlMap, key: string, at: string, fix = `add ${key}`): unknown {
    const value = map[key];
    if (value === undefined || value === null) {
      this.problem(join(at, key), 'is missing', fix);
      return undefined;
    }
    return value;
  }

  /** The value as a mapping; undefined when absent or not one. */
  public map(value: unknown, at: string): YamlMap | undefined {
    return this.typed(value, at, isMap, 'a mapping', () => 'write it as `key: value` lines');
  }

  /** The value as a list; undefined when absent or not one. */
  public list(value: unknown, at: string): unknown[] | undefined {
    return this.typed(value, at, Array.isArray, 'a list', () => 'write it as `- item` lines');
  }

  /** The value as a string; undefined when absent or not one (YAML reads `80` and `true` as other types). */
  public string(value: unknown, at: string): string | undefined {
    // A number or boolean quoted is the text it was written as; a mapping or a list has no text to quote.
    return this.typed(value, at, (v): v is string => typeof v === 'string', 'a string', () => (typeof value === 'object' ? 'write a quoted string in its place' : `quote it: "${String(value)}"`));
  }

  /** The value as a whole number; undefined when absent or not one. */
  public integer(value: unknown, at: string): number | undefined {
    return this.typed(value, at, (v): v is number => Number.isInteger(v), 'a whole number', () => 'write a number without quotes');
  }

  /** The value as true or false; undefined when absent or not one. */
  public boolean(value: unknown, at: string): boolean | undefined {
    return this.typed(value, at, (v): v is boolean => typeof v === 'boolean', 'true or false', () => 'write true or false without quotes');
  }

  // The value when it is of the type `is` tests, undefined when absent; a problem when it is present and of another type.
  private typed<T>(value: unknown, at: string, is: (value: unknown) => value is T, expected: string, fix: () => string): T | undefined {
    if (value === undefined || value === null) {
      return undefined;
    }
    if (!is(value)) {
      this.problem(at, `is ${describe(value)}; expected ${expected}`, fix());
      return undefined;
    }
    return value;
  }

  /** A problem, `message` and `fix`, for each field of `map` (at `at`) not in `known`. */
  public otherFields(map: YamlMap, known: readonly string[], at: string, message: string, fix = 'remove it'): void {
    for (const key of otherKeys(map, known)) {
      this.problem(join(at, key), message, fix);
    }
  }

  /** A map whose values must all be strings, as labels, annotations and ConfigMap data are. */
  public stringMap(value: unknown, at: string): Record<string, string> | undefined {
    const map = this.map(value, at);
    if (!map) {
      return undefined;
    }
    // No prototype: keys such as __proto__ and constructor are keys like any other.
    const out: Record<string, string> = Object.create(null);
    for (const [key, item] of Object.entries(map)) {
      const text = this.string(item, `${at}.${key}`);
      if (text !== undefined) {
        setOwn(out, key, text);
      }
    }
    return out;
  }

  /** One of `allowed`, or a problem that lists them. */
  public oneOf<T extends string>(value: unknown, at: string, allowed: readonly T[], rule?: string): T | undefined {
    const text = this.string(value, at);
    if (text === undefined) {
      return undefined;
    }
    if (!(allowed as readonly string[]).includes(text)) {
      this.problem(at, `is "${text}"; expected one of ${allowed.map((a) => `"${a}"`).join(', ')}`, 'use one of those values, spelled as shown', rule);
      return undefined;
    }
    return text as T;
  }
}

/** `a.b`, or `b` when `a` is empty. */
export function join(at: string, key: string): string {
  return at ? `${at}.${key}` : key;
}

/** The keys of `map` not in `known`, in order. */
export function otherKeys(map: JsonObject, known: readonly string[]): string[] {
  return Object.keys(map).filter((key) => !known.includes(key));
}

/** Whether `value` is a mapping (not a list, not null). */
export function isMap(value: unknown): value is YamlMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether `value` is a mapping of strings, as labels are. */
export function isStringMap(value: unknown): value is Record<string, string> {
  return isMap(value) && Object.values(value).every((v) => typeof v === 'string');
}

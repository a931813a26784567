import { Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { KindObject } from './_kind-object';
import { ObjectMetaProps } from './object-meta';
import { validateStringValues } from './validation/data-keys';
import { RuleReport } from './validation/problem';
import type { JsonObject } from './validation/_json';
import { keySafe, setOwn } from './_plain';
import type { DATA_KEYS } from './_type-brands';
import type { NamedObject } from './volume';

/** A ConfigMap or Secret as key references take it: its name, and the keys it is known to hold (`K`). */
export interface IDataKeys<K extends string = string> extends NamedObject {
  /** The keys, for the type checks of key references (`string` when unknown): a type only. */
  readonly [DATA_KEYS]?: K;
  /**
   * @deprecated Never set: the keys are a type only, carried by `[DATA_KEYS]`.
   * Kept so that programs written against 0.1 compile; reads `undefined`.
   */
  readonly keys?: K;
}

/**
 * What a ConfigMap and a Secret share: entries in named sections (`data`
 * and `binaryData`, `data` and `stringData`), each rendered only when it
 * holds any, and validation of the rendered object read as any JSON, so
 * that a JsonPatch that changed the data sections is checked as it will be applied.
 * @internal
 */
export abstract class DataObject<K extends string> extends KindObject<JsonObject> implements IDataKeys<K> {
  /** `ConfigMap` or `Secret`. */
  public abstract readonly kind: 'ConfigMap' | 'Secret';
  /** The keys written in the entries that key references may name, for their type checks: a type only. */
  public declare readonly [DATA_KEYS]?: K;
  /**
   * @deprecated Never set: the keys are a type only, carried by `[DATA_KEYS]`.
   * Kept so that programs written against 0.1 compile; reads `undefined`.
   */
  public declare readonly keys?: K;

  // The entries of each section, a copy of those given, by manifest field in manifest order.
  private readonly sections: ReadonlyMap<string, Record<string, string>>;

  protected constructor(
    scope: Construct,
    id: string,
    props: ObjectMetaProps,
    kind: 'ConfigMap' | 'Secret',
    fields: { readonly [field: string]: unknown },
    given: { readonly [field: string]: object | undefined },
  ) {
    const sections = new Map(Object.entries(given).map(([field, entries]) => [field, { ...(entries as Record<string, string> | undefined) }]));
    const rendered = Object.fromEntries([...sections].map(([field, entries]) => [field, Lazy.any({ produce: () => nonEmpty(entries) })]));
    super(scope, id, props, 'v1', kind, { ...fields, ...rendered });
    this.sections = sections;
  }

  /** The keys of all entries, section after section. */
  public get entryKeys(): readonly string[] {
    return [...this.sections.values()].flatMap((entries) => Object.keys(entries));
  }

  /** Adds an entry to the section `field`, or replaces the one of its key. @internal */
  protected _addEntry(field: string, key: string, value: string): void {
    setOwn(this.sections.get(field)!, key, value);
  }

  /** @internal */
  protected _validate(manifest: JsonObject, report: RuleReport): void {
    this.validateContent(manifest, report);
    // Rendering drops a null or undefined value (given untyped); only the props still hold it.
    for (const [field, entries] of this.sections) {
      const dropped = Object.fromEntries(Object.entries(entries).filter(([, value]) => value === null || value === undefined));
      validateStringValues(dropped, field, this.kind, report);
    }
  }

  /** Checks the rendered object's content. */
  protected abstract validateContent(manifest: JsonObject, report: RuleReport): void;
}

/** The entries of one section for the manifest: a copy, or nothing when there are none. @internal */
export function nonEmpty(map: Record<string, string>): Record<string, string> | undefined {
  return Object.keys(map).length > 0 ? keySafe({ ...map }) : undefined;
}

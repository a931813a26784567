import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { addProblemValidation, effectiveProblems } from './validation/engine';
import { manifestToValidate } from './validation/escape-hatch';
import { validateStringValues } from './validation/data-keys';
import { validateObjectMetadata } from './validation/metadata';
import { Problem, RuleReport } from './validation/problem';
import type { JsonObject } from './validation/_json';
import { keySafe } from './_plain';

/**
 * What a ConfigMap and a Secret share: a name, entries in named sections
 * (`data` and `binaryData`, `data` and `stringData`), and validation of the
 * rendered object, so that a JsonPatch is checked as it will be applied.
 * @internal
 */
export abstract class DataObject extends Construct {
  /** `metadata.name` of the object. */
  public readonly name: string;
  /** The L1 object rendered into the manifest. */
  public abstract readonly apiObject: ApiObject;
  /** `ConfigMap` or `Secret`. */
  public abstract readonly kind: 'ConfigMap' | 'Secret';

  protected constructor(
    scope: Construct,
    id: string,
    name: string | undefined,
    /** The sections of entries by manifest field, in manifest order. */
    private readonly sections: readonly (readonly [string, Record<string, string>])[],
  ) {
    super(scope, id);
    this.name = name ?? id;
    addProblemValidation(this);
  }

  /** The keys of all entries, section after section. */
  public get entryKeys(): readonly string[] {
    return this.sections.flatMap(([, entries]) => Object.keys(entries));
  }

  /** Every problem of this object, errors and warnings. */
  public problems(): readonly Problem[] {
    const report = new RuleReport(this.node.path);
    // Read as any JSON: a JsonPatch may have changed the data sections.
    const manifest: JsonObject = manifestToValidate(this.apiObject).manifest;
    validateObjectMetadata(manifest.metadata, report);
    this.validateContent(manifest, report);
    // Rendering drops a null or undefined value (given untyped); only the props still hold it.
    for (const [field, entries] of this.sections) {
      const dropped = Object.fromEntries(Object.entries(entries).filter(([, value]) => value === null || value === undefined));
      validateStringValues(dropped, field, this.kind, report);
    }
    return effectiveProblems(this, report.problems);
  }

  /** Checks the rendered object's content. */
  protected abstract validateContent(manifest: JsonObject, report: RuleReport): void;
}

/** The entries of one section for the manifest: a copy, or nothing when there are none. @internal */
export function nonEmpty(map: Record<string, string>): Record<string, string> | undefined {
  return Object.keys(map).length > 0 ? keySafe({ ...map }) : undefined;
}

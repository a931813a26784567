import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ManifestObject } from './_manifest-object';
import { ObjectMetaProps, renderObjectMeta } from './object-meta';
import { keySafe } from './_plain';
import { addProblemValidation, effectiveProblems } from './validation/engine';
import { manifestToValidate, ManifestToValidate } from './validation/escape-hatch';
import { ObjectMeta, validateObjectMetadata } from './validation/metadata';
import { Problem, RuleReport } from './validation/problem';

/** The rendered metadata of an object named `name`, with label and annotation keys cdk8s can render (see keySafe). @internal */
export function kindMetadata(name: string, props: ObjectMetaProps): ReturnType<typeof renderObjectMeta> {
  return renderObjectMeta(name, { labels: keySafe(props.labels), annotations: keySafe(props.annotations) });
}

/** `fields`, or nothing when every one is undefined: an object the manifest leaves out rather than write empty. @internal */
export function unlessEmpty<T extends object>(fields: T): T | undefined {
  return Object.values(fields).some((value) => value !== undefined) ? fields : undefined;
}

/** A kind's manifest as its rules read it. @internal */
export type KindManifest<T> = ManifestToValidate<T>['manifest'];

/**
 * What the kinds that render one manifest object of their own share (a
 * Service, an Ingress, a ConfigMap, …): a name, the object under the child
 * id `Resource` with its `spec` rendered at synth, so that later additions
 * land, and problems() that read the object as rendered (a JsonPatch
 * included): its metadata, then the kind's own rules. `T` is the kind's L1
 * props type, as the rules read the manifest; `P` the kind's props. @internal
 */
export abstract class KindObject<T, P extends ObjectMetaProps = ObjectMetaProps> extends Construct {
  /** `metadata.name` of the object. */
  public readonly name: string;
  /** The object rendered into the manifest. */
  public readonly apiObject: ApiObject;

  protected constructor(
    scope: Construct,
    id: string,
    /** The props the object was made with, read again at synth. */
    protected readonly props: P,
    apiVersion: string,
    kind: string,
    /** Fields beside `spec`, in manifest spelling (`data`, `imagePullSecrets`). */
    fields: { readonly [field: string]: unknown } = {},
  ) {
    super(scope, id);
    this.name = props.name ?? id;
    const spec = Lazy.any({ produce: () => this._spec() });
    this.apiObject = new ManifestObject(this, 'Resource', { apiVersion, kind, metadata: kindMetadata(this.name, props), ...fields, spec });
    addProblemValidation(this);
  }

  /** Every problem of this object, errors and warnings. */
  public problems(): readonly Problem[] {
    const report = new RuleReport(this.node.path);
    const manifest = manifestToValidate<T>(this.apiObject).manifest;
    this._validateMetadata((manifest as { readonly metadata?: ObjectMeta }).metadata, report);
    this._validate(manifest, report);
    return effectiveProblems(this, report.problems);
  }

  /** The kind's `spec`, rendered at synth; none for a kind without one (a ServiceAccount, a ConfigMap). @internal */
  protected _spec(): object | undefined {
    return undefined;
  }

  /** Checks the metadata: its name a DNS-1123 subdomain, its labels and annotations. @internal */
  protected _validateMetadata(metadata: ObjectMeta, report: RuleReport): void {
    validateObjectMetadata(metadata, report);
  }

  /** Checks what the kind's own rules say of the rendered object. @internal */
  protected abstract _validate(manifest: KindManifest<T>, report: RuleReport): void;
}

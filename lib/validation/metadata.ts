import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { objectAt, text } from './_json';
import { dns1123LabelError, dns1123SubdomainError, labelValueError, qualifiedNameError } from './names';
import { RuleReport } from './problem';
import type { RuleId } from './rule-ids';
import { fixByCase } from './_fix-cases';
import { defineRules, fixNaming, ruleIn } from './rules';

/** The rules of object metadata. */
export const METADATA_RULES = defineRules([
  {
    id: 'object-name',
    severity: 'error',
    category: 'api-server',
    summary: '`metadata.name` is a DNS-1123 subdomain of at most 253 characters.',
    why: 'The API server refuses any other name; names also become DNS records and file names.',
    ...fixNaming((name: string) => `use a DNS-1123 subdomain such as ${name}`, ['`my-app`'], ['it is lower-case letters, digits, `-` and `.`, starting and ending with a letter or digit']),
    see: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-subdomain-names',
  },
  {
    id: 'object-namespace',
    severity: 'error',
    category: 'api-server',
    summary: '`metadata.namespace` (a chart\'s `namespace`) is a DNS-1123 label: at most 63 lower-case letters, digits and `-`.',
    why: 'Namespace names are DNS labels; the API server refuses an object in a namespace with any other name.',
    ...fixNaming((name: string) => `use a DNS-1123 label such as ${name} as the chart's namespace`, ['`team-a` (for `Team_A`)']),
    see: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/',
  },
  {
    id: 'object-generate-name',
    severity: 'error',
    category: 'api-server',
    summary: '`metadata.generateName` is a prefix that makes a valid name: the name rule of the kind, with a trailing `-` allowed.',
    why: 'The API server checks the prefix with the rule of the name it will complete, and refuses it otherwise.',
    fix: 'Use a prefix that is a valid name of the kind followed by "-", such as "web-".',
    see: 'https://kubernetes.io/docs/reference/using-api/api-concepts/#generated-values',
  },
  {
    id: 'object-finalizers',
    severity: 'error',
    category: 'api-server',
    summary: '`metadata.finalizers` are qualified names with a domain prefix (`example.com/cleanup`), or one of `kubernetes`, `orphan` and `foregroundDeletion`; not both `orphan` and `foregroundDeletion`.',
    why: 'The API server refuses other names ("name is neither a standard finalizer name nor is it fully qualified"), and the two deletion policies together.',
    ...fixByCase({ name: 'prefix it with the domain of the controller that removes it, such as "example.com/cleanup"', policies: 'keep one deletion policy' }),
    see: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/finalizers/',
  },
  {
    id: 'label-key',
    severity: 'error',
    category: 'api-server',
    summary: 'Label and nodeSelector keys are qualified names: an optional DNS subdomain prefix and `/`, then at most 63 characters.',
    why: 'The API server refuses the object.',
    fix: 'Use a key such as `app` or `example.com/tier`.',
    see: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set',
  },
  {
    id: 'label-value',
    severity: 'error',
    category: 'api-server',
    summary: 'Label and nodeSelector values are empty or at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit.',
    why: 'The API server refuses the object.',
    ...fixByCase(
      { value: (value: string) => `use a value such as ${value}, or move free text to an annotation`, quote: (value: string) => `quote it: "${value}"` },
      { value: ['"web-1"'], quote: ['true'] },
    ),
    see: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set',
  },
  {
    id: 'annotation-key',
    severity: 'error',
    category: 'api-server',
    summary: 'Annotation keys are qualified names, like label keys.',
    why: 'The API server refuses the object.',
    fix: 'Use a key such as `example.com/owner`.',
    see: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations/#syntax-and-character-set',
  },
  {
    id: 'annotations-size',
    severity: 'error',
    category: 'api-server',
    summary: "The keys and values of an object's annotations total at most 256 KiB.",
    why: 'The API server refuses larger annotations; they are stored with the object in etcd.',
    fix: 'Move large values into a ConfigMap and mount it.',
    see: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations/',
  },
]);

const OBJECT_NAME = ruleIn(METADATA_RULES, 'object-name');
const OBJECT_NAMESPACE = ruleIn(METADATA_RULES, 'object-namespace');
const LABEL_VALUE = ruleIn(METADATA_RULES, 'label-value');
const FINALIZERS = ruleIn(METADATA_RULES, 'object-finalizers');
const MAX_ANNOTATIONS_BYTES = 256 * 1024;

/** The metadata of an object as validation reads it. */
export type ObjectMeta = Unvalidated<k8s.ObjectMeta> | undefined;

/** Checks `metadata.name`, at field path `at`. */
export function validateObjectName(name: unknown, at: string, report: RuleReport): void {
  const wrong = typeof name === 'string' ? dns1123SubdomainError(name) : 'is not a string';
  if (wrong !== undefined) {
    report.error('object-name', at, `name ${JSON.stringify(name)} ${wrong}`, OBJECT_NAME.fixFor(JSON.stringify(suggestName(text(name ?? ''), 253))));
  }
}

/** Checks a label map (`metadata.labels`, `spec.nodeSelector`), at field path `at`; it may hold any JSON, such as a value given `as any`. */
export function validateLabels(labels: unknown, at: string, report: RuleReport): void {
  for (const [key, value] of Object.entries(objectAt(labels))) {
    const keyError = qualifiedNameError(key);
    if (keyError !== undefined) {
      report.error('label-key', `${at}[${key}]`, `label key "${key}" ${keyError}`);
    }
    const valueError = typeof value === 'string' ? labelValueError(value) : `is a ${typeof value}, not a string`;
    if (valueError !== undefined) {
      report.error(
        'label-value',
        `${at}[${key}]`,
        `label value ${JSON.stringify(value)} of "${key}" ${valueError}`,
        typeof value === 'string' ? LABEL_VALUE.fixFor('value', JSON.stringify(suggestName(value, 63))) : LABEL_VALUE.fixFor('quote', text(value)),
      );
    }
  }
}

/** Checks `metadata.annotations`, at field path `at`. */
export function validateAnnotations(annotations: unknown, at: string, report: RuleReport): void {
  let bytes = 0;
  for (const [key, value] of Object.entries(objectAt(annotations))) {
    const keyError = qualifiedNameError(key.toLowerCase());
    if (keyError !== undefined) {
      report.error('annotation-key', `${at}[${key}]`, `annotation key "${key}" ${keyError}`);
    }
    bytes += Buffer.byteLength(key) + Buffer.byteLength(text(value));
  }
  if (bytes > MAX_ANNOTATIONS_BYTES) {
    report.error('annotations-size', at, `annotations total ${bytes} bytes; at most ${MAX_ANNOTATIONS_BYTES} (256 KiB) are allowed`);
  }
}
/**
 * A name in the DNS-1123 alphabet close to `value`, for the fix of a
 * message: lower-cased, other characters replaced by `-`, trimmed. Dots
 * are kept for subdomains and replaced for labels (`dots: false`).
 */
export function suggestName(value: string, maxLength: number, dots = true): string {
  const cleaned = value
    .toLowerCase()
    .replace(dots ? /[^a-z0-9.-]+/g : /[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, maxLength)
    .replace(/^[-.]+|[-.]+$/g, '');
  return cleaned.length > 0 ? cleaned : 'my-name';
}

/**
 * Checks the `metadata` of an object that has no Pod template of its own
 * (workloads, ConfigMaps, Secrets): its name, labels and annotations.
 */
export function validateObjectMetadata(metadata: ObjectMeta, report: RuleReport): void {
  validateObjectName(metadata?.name, 'metadata.name', report);
  validateMetadataBesidesName(metadata, report);
  validateLabels(metadata?.labels, 'metadata.labels', report);
  validateAnnotations(metadata?.annotations, 'metadata.annotations', report);
}

/**
 * Checks what `ValidateObjectMeta` checks of an object named as a DNS-1123
 * subdomain besides its name, labels and annotations: `namespace`,
 * `generateName` and `finalizers`. For objects whose labels are checked
 * elsewhere (a Pod's, with its template).
 */
export function validateMetadataBesidesName(metadata: ObjectMeta, report: RuleReport): void {
  validateNamespaceAndPrefix(metadata, dns1123SubdomainError, report);
  validateFinalizers(metadata, report);
}

const STANDARD_FINALIZERS = ['kubernetes', 'orphan', 'foregroundDeletion'];

/** Checks `metadata.finalizers`, which only escape hatches set, as `ValidateFinalizers` does. */
export function validateFinalizers(metadata: ObjectMeta, report: RuleReport): void {
  const finalizers = metadata?.finalizers ?? [];
  finalizers.forEach((name, i) => {
    const wrong = qualifiedNameError(name) ?? (name.includes('/') || STANDARD_FINALIZERS.includes(name) ? undefined : 'is neither a standard finalizer name nor fully qualified (with a domain prefix)');
    if (wrong !== undefined) {
      report.error('object-finalizers', `metadata.finalizers[${i}]`, `finalizer ${JSON.stringify(name)} ${wrong}`, FINALIZERS.fixFor('name'));
    }
  });
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    report.error('object-finalizers', 'metadata.finalizers', 'finalizers "orphan" and "foregroundDeletion" cannot both be set', FINALIZERS.fixFor('policies'));
  }
}

/**
 * Checks `metadata.namespace` and `metadata.generateName`, as
 * `ValidateObjectMetaAccessor` does; `nameError` is the name rule of the
 * kind, which the prefix must follow once a trailing `-` is set aside.
 */
export function validateNamespaceAndPrefix(metadata: ObjectMeta, nameError: (name: string) => string | undefined, report: RuleReport): void {
  const namespace = metadata?.namespace;
  const namespaceError = namespace === undefined ? undefined : dns1123LabelError(namespace);
  if (namespaceError !== undefined) {
    report.error(
      'object-namespace',
      'metadata.namespace',
      `namespace ${JSON.stringify(namespace)} ${namespaceError}`,
      OBJECT_NAMESPACE.fixFor(JSON.stringify(suggestName(text(namespace), 63, false))),
    );
  }
  const prefix = metadata?.generateName;
  // NameIsDNSSubdomain(prefix, true) masks a trailing "-" so that the prefix may end with one.
  const prefixError = prefix === undefined || prefix === '' ? undefined : nameError(prefix.replace(/-$/, 'a'));
  if (prefixError !== undefined) {
    report.error('object-generate-name', 'metadata.generateName', `generateName ${JSON.stringify(prefix)} ${prefixError}`);
  }
}

/**
 * Checks a name that must be a DNS-1123 label (a container's, a volume's)
 * at `${owner}.name`: `what` names it in the message (`container name`),
 * `rule` reports it.
 */
export function validateLabelName(what: string, rule: RuleId, name: unknown, owner: string, report: RuleReport): void {
  const error = typeof name === 'string' ? dns1123LabelError(name) : 'is missing';
  if (error !== undefined) {
    report.error(
      rule,
      `${owner}.name`,
      `${what} ${JSON.stringify(name)} ${error}`,
      `rename it to a DNS-1123 label such as "${suggestName(text(name ?? ''), 63, false)}"`,
    );
  }
}

import { JsonObject, objectAt } from './_json';
import { checkedSections, decoded, encoded, validateDataSize } from './data-keys';
import { RuleReport } from './problem';
import { defineRules, fixNaming, ruleIn } from './rules';

/**
 * The checks of a Secret's content: `ValidateSecret` of
 * `pkg/apis/core/validation/validation.go` (keys, size, the keys each
 * built-in type requires), and the lints of a Secret whose values are
 * written into the committed manifests.
 */

/**
 * The Secret types Kubernetes defines; any other string is a type of one's
 * own, such as `helm.sh/release.v1`, which Kubernetes stores unchecked.
 */
export const SECRET_TYPES = [
  'Opaque',
  'kubernetes.io/service-account-token',
  'kubernetes.io/dockercfg',
  'kubernetes.io/dockerconfigjson',
  'kubernetes.io/basic-auth',
  'kubernetes.io/ssh-auth',
  'kubernetes.io/tls',
  'bootstrap.kubernetes.io/token',
] as const;

const SECRET_TYPE_DOCS = 'https://kubernetes.io/docs/concepts/configuration/secret/#secret-types';
const SERVICE_ACCOUNT_NAME_KEY = 'kubernetes.io/service-account.name';

/** The rules of a Secret's content. */
export const SECRET_DATA_RULES = defineRules([
  {
    id: 'secret-type-keys',
    severity: 'error',
    category: 'api-server',
    summary:
      'A Secret of a built-in type holds the keys it requires: `tls.crt` and `tls.key` (tls), `.dockerconfigjson` or `.dockercfg` as a JSON object (dockerconfigjson, dockercfg), `username` or `password` (basic-auth), a non-empty `ssh-privatekey` (ssh-auth), and the `kubernetes.io/service-account.name` annotation (service-account-token).',
    why: 'The API server refuses a typed Secret without them ("data[tls.key]: Required value").',
    ...fixNaming((what: string) => `add ${what}, or use type Opaque`, ['the missing key to `data` or `stringData`']),
    see: SECRET_TYPE_DOCS,
  },
  {
    id: 'secret-type-known',
    severity: 'warning',
    summary: 'A Secret type in a Kubernetes namespace (`kubernetes.io/…`) is one Kubernetes defines.',
    why: 'Kubernetes takes any other type as one of your own and checks none of its keys: a misspelt `kubernetes.io/tsl` is stored, but no Ingress controller reads it as a certificate.',
    ...fixNaming((type: string) => `write ${type}`, ['the type as Kubernetes defines it, such as `kubernetes.io/tls`']),
    see: SECRET_TYPE_DOCS,
  },
  {
    id: 'kubernetes-secret-yaml',
    severity: 'warning',
    summary: 'A Secret of the app holds no values of its own (`data` or `stringData`), since synth writes them into the committed `dist/`.',
    why: 'Secret values in a manifest are only base64, not encrypted: everyone who can read the repository, its history and its CI logs can read them. (The id is the one gitleaks reports for such a file.)',
    ...fixNaming(
      (name: string) =>
        `create the Secret outside the repository (kubectl create secret, Sealed Secrets, External Secrets, a CSI secret store) and refer to it with Secret.fromName(${name}); or turn this rule off for it with a reason if the values are not secret`,
      ['name'],
    ),
    see: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
  },
]);

const TYPE_KEYS = ruleIn(SECRET_DATA_RULES, 'secret-type-keys');
const TYPE_KNOWN = ruleIn(SECRET_DATA_RULES, 'secret-type-known');
const SECRET_YAML = ruleIn(SECRET_DATA_RULES, 'kubernetes-secret-yaml');

/** Checks the content of a rendered Secret (its keys, size and type) and records every problem in `report`. */
export function validateSecretData(manifest: JsonObject, report: RuleReport): void {
  const { plain, base64 } = checkedSections(manifest, 'Secret', report);
  // As the API server sees it: stringData merged into data, its values winning.
  const merged = new Map<string, Buffer>();
  for (const [key, value] of Object.entries(base64)) {
    merged.set(key, decoded(value));
  }
  for (const [key, value] of Object.entries(plain)) {
    merged.set(key, encoded(value));
  }
  validateDataSize([...merged.values()].map((value) => value.length), 'data', 'Secret', report);
  validateSecretType(manifest.type, merged, objectAt(objectAt(manifest.metadata).annotations), report);
}

function validateSecretType(type: unknown, data: ReadonlyMap<string, Buffer>, annotations: JsonObject, report: RuleReport): void {
  const require = (key: string, why: string) => {
    report.error(
      'secret-type-keys',
      `data[${key}]`,
      `a Secret of type ${String(type)} needs key "${key}"${why}`,
      TYPE_KEYS.fixFor(`"${key}" to data or stringData`),
    );
  };
  switch (type) {
    case 'kubernetes.io/tls':
      for (const key of ['tls.crt', 'tls.key']) {
        if (!data.has(key)) {
          require(key, key === 'tls.crt' ? ', the PEM certificate chain' : ', the PEM private key');
        }
      }
      break;
    case 'kubernetes.io/dockerconfigjson':
    case 'kubernetes.io/dockercfg': {
      const key = type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
      const value = data.get(key);
      if (value === undefined) {
        require(key, ', the registry credentials as JSON');
      } else {
        const wrong = jsonObjectError(value.toString('utf8'));
        if (wrong !== undefined) {
          // The API server redacts the value in its message; so does this one.
          report.error(
            'secret-type-keys',
            `data[${key}]`,
            `"${key}" of a Secret of type ${type} is not a JSON object: ${wrong}`,
            TYPE_KEYS.fixFor('the registry credentials as `kubectl create secret docker-registry` writes them, {"auths": {…}}'),
          );
        }
      }
      break;
    }
    case 'kubernetes.io/basic-auth':
      if (!data.has('username') && !data.has('password')) {
        report.error(
          'secret-type-keys',
          'data[username]',
          'a Secret of type kubernetes.io/basic-auth needs key "username" or "password" (either may be empty)',
          TYPE_KEYS.fixFor('"username" and "password" to data or stringData'),
        );
      }
      break;
    case 'kubernetes.io/ssh-auth':
      if ((data.get('ssh-privatekey')?.length ?? 0) === 0) {
        require('ssh-privatekey', ', the private key, not empty');
      }
      break;
    case 'kubernetes.io/service-account-token':
      if (typeof annotations[SERVICE_ACCOUNT_NAME_KEY] !== 'string' || annotations[SERVICE_ACCOUNT_NAME_KEY].length === 0) {
        report.error(
          'secret-type-keys',
          `metadata.annotations[${SERVICE_ACCOUNT_NAME_KEY}]`,
          `a Secret of type kubernetes.io/service-account-token needs the annotation ${SERVICE_ACCOUNT_NAME_KEY}, naming the ServiceAccount whose token it holds`,
          TYPE_KEYS.fixFor(`the annotation "${SERVICE_ACCOUNT_NAME_KEY}": "<service account name>" (Kubernetes fills in the token)`),
        );
      }
      break;
    default:
      if (typeof type === 'string' && /^([a-z0-9.-]+\.)?kubernetes\.io\//.test(type) && !(SECRET_TYPES as readonly string[]).includes(type)) {
        const near = SECRET_TYPES.find((known) => known.toLowerCase() === type.toLowerCase() || sameLetters(known, type));
        report.warn(
          'secret-type-known',
          'type',
          `Secret type "${type}" is not one Kubernetes defines, so Kubernetes checks none of its keys and nothing reads it as a built-in type`,
          TYPE_KNOWN.fixFor(near !== undefined ? `"${near}"` : `one of ${SECRET_TYPES.map((known) => `"${known}"`).join(', ')}`),
        );
      }
  }
}

// Whether two types differ by the order of their letters only (`tsl` for `tls`).
function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

// As Go's json.Unmarshal into a map: a JSON object, or null.
function jsonObjectError(value: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    return (error as Error).message;
  }
  return parsed === null || (typeof parsed === 'object' && !Array.isArray(parsed)) ? undefined : `it is a JSON ${Array.isArray(parsed) ? 'array' : typeof parsed}`;
}

/**
 * Warns about a Secret of the app whose values synth writes into the
 * manifests (`kubernetes-secret-yaml`): one problem for each section that
 * holds a value that is not empty.
 */
export function lintSecretInManifest(manifest: JsonObject, report: RuleReport): void {
  const name = String(objectAt(manifest.metadata).name ?? '');
  for (const field of ['stringData', 'data']) {
    const keys = Object.entries(objectAt(manifest[field]))
      .filter(([, value]) => typeof value === 'string' && value.length > 0)
      .map(([key]) => key);
    if (keys.length > 0) {
      report.warn(
        'kubernetes-secret-yaml',
        field,
        `Secret "${name}" holds ${keys.length === 1 ? 'a value' : `${keys.length} values`} (${keys.join(', ')}) that synth writes in ${field === 'data' ? 'base64, which is not encryption,' : 'plain text'} into the manifests in dist/, for everyone who reads the repository`,
        SECRET_YAML.fixFor(JSON.stringify(name)),
      );
    }
  }
}


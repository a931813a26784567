/**
 * A volume's source, checked as `validateVolumeSource` and its helpers in
 * `pkg/apis/core/validation/validation.go` check it: exactly one source,
 * a hostPath's path and type, the object a configMap, secret or claim
 * volume names, emptyDir's medium, validateKeyToPath and the file modes of configMap, secret, downwardAPI
 * and projected volumes (validateProjectionSources,
 * validateDownwardAPIVolumeFile), the required fields of every other
 * source, `emptyDir.sizeLimit`, generic ephemeral volumes
 * (validateEphemeralVolumeSource); and the deprecated sources that
 * `pkg/api/pod/warnings.go` warns about.
 */

import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { checkEnum, checkName } from './_field-checks';
import { checkInteger, quoteValue } from './_integer';
import { parseQuantity } from '../quantity';
import { ACCESS_MODES, DOWNWARD_API_FIELDS, DOWNWARD_API_RESOURCES, HOST_PATH_TYPES, VOLUME_MODES, VOLUME_SOURCE_KINDS } from '../volume';
import { CONTAINER_FIELD_API_RULES } from './container-fields';
import { validateLabels, validateAnnotations } from './metadata';
import { RuleReport } from './problem';
import { fixByCase } from './_fix-cases';
import { defineRules, ruleIn } from './rules';

const FILE_MODE = { min: 0, max: 0o777 } as const;
const LUN = { min: 0, max: 255 } as const;
// A token lives at least 10 minutes and at most 2^32 seconds.
const TOKEN_EXPIRATION = { min: 600, max: 2 ** 32 } as const;

const AZURE_CACHING_MODES = ['None', 'ReadOnly', 'ReadWrite'] as const;
// The iSCSI name formats the API server takes (validateISCSIVolumeSource).
const ISCSI_IQN = /^iqn\.\d{4}-\d{2}\.([A-Za-z0-9-.]+)(:[^,;*&$|\s]+)$/;
const ISCSI_EUI = /^eui.[A-Za-z0-9]{16}$/;
const ISCSI_NAA = /^naa.[A-Za-z0-9]{32}$/;
const AZURE_DISK_KINDS = ['Shared', 'Dedicated', 'Managed'] as const;

/**
 * The fields each source requires to be set and not empty, by source;
 * the field paths are those of the manifest.
 */
const REQUIRED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  gitRepo: ['repository'],
  gcePersistentDisk: ['pdName'],
  awsElasticBlockStore: ['volumeID'],
  nfs: ['server', 'path'],
  iscsi: ['targetPortal', 'iqn'],
  glusterfs: ['endpoints', 'path'],
  rbd: ['monitors', 'image'],
  cinder: ['volumeID'],
  cephfs: ['monitors'],
  quobyte: ['registry', 'volume'],
  flexVolume: ['driver'],
  azureFile: ['secretName', 'shareName'],
  azureDisk: ['diskName', 'diskURI'],
  vsphereVolume: ['volumePath'],
  photonPersistentDisk: ['pdID'],
  portworxVolume: ['volumeID'],
  scaleIO: ['gateway', 'system', 'volumeName'],
  storageos: ['volumeName'],
  csi: ['driver'],
};

/** Sources the API server warns about, with its words. */
const DEPRECATED_SOURCES: Readonly<Record<string, string>> = {
  photonPersistentDisk: 'deprecated in v1.11, non-functional in v1.16+',
  gitRepo: 'deprecated in v1.11',
  scaleIO: 'deprecated in v1.16, non-functional in v1.22+',
  flocker: 'deprecated in v1.22, non-functional in v1.25+',
  storageos: 'deprecated in v1.22, non-functional in v1.25+',
  quobyte: 'deprecated in v1.22, non-functional in v1.25+',
  glusterfs: 'deprecated in v1.25, non-functional in v1.26+',
  cephfs: 'deprecated in v1.28, non-functional in v1.31+',
  rbd: 'deprecated in v1.28, non-functional in v1.31+',
};

// The fix of a path in a volume that is not relative to its mount point.
const RELATIVE_PATH_FIX = 'write a path relative to the mount point, without ".."';

/** The rules of volume sources. */
export const VOLUME_SOURCE_RULES = defineRules([
  {
    id: 'volume-source',
    severity: 'error',
    category: 'api-server',
    summary: 'A volume has exactly one source (`emptyDir`, `hostPath`, `configMap`, …).',
    why: 'The API server refuses a volume with none or several (validateVolumeSource): "must specify a volume type", "may not specify more than 1 volume type".',
    fix: 'Build the volume with one `Volume` factory, or keep one source in the escape hatch.',
    see: 'https://kubernetes.io/docs/concepts/storage/volumes/',
  },
  {
    id: 'host-path',
    severity: 'error',
    category: 'api-server',
    summary: 'A hostPath volume has a path without `..` segments.',
    why: 'The API server refuses a path that climbs out of where it points (validateHostPathVolumeSource): "must not contain \'..\'".',
    fix: 'Give the path on the node, such as `/data/mysql`, without `..` segments.',
    see: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
  },
  {
    id: 'volume-items',
    severity: 'error',
    category: 'api-server',
    summary:
      'configMap, secret, downwardAPI and projected volumes: each item has a key (or a fieldRef or resourceFieldRef, exactly one) and a relative path without `..`; no two items of a projected volume share a path; `mode` and `defaultMode` are 0 to 0777; a projected source has one kind; a service-account token expires after 600 to 2^32 seconds.',
    why: 'The API server refuses the Pod (validateKeyToPath, validateDownwardAPIVolumeFile, validateProjectionSources): "must be a number between 0 and 0777 (octal), both inclusive", "must be a relative path", "must not contain \'..\'", "conflicting duplicate paths", "may not specify more than 1 volume type per source", "may not specify a duration less than 10 minutes".',
    ...fixByCase(
      {
        key: 'name the key of the ConfigMap or Secret to project',
        noPath: 'give the file a path relative to the mount point, such as "config/app.yaml"',
        path: RELATIVE_PATH_FIX,
        mode: 'use file mode bits from 0 to 0777 (octal; 511 in decimal), such as 0o644',
        bothRefs: 'keep one of them',
        noRef: 'give it a fieldRef such as { fieldPath: "metadata.labels" }, or a resourceFieldRef',
        fieldPath: 'use one of the listed fields; status fields such as the Pod IP reach a container through env valueFrom',
        containerName: 'name the container whose resources the file holds',
        resource: 'use one of the listed resources',
        pathTwice: 'give each file of the projected volume its own path',
        kinds: 'give each source one kind; list the others as sources of their own',
        sourceName: (object: string) => `pass the ${object} object, or { name } of one that exists`,
        token: 'let the token live 600 seconds (10 minutes) or more, such as 3600, or leave expirationSeconds out for 1 hour',
      },
      { sourceName: ['ConfigMap or Secret'] },
    ),
    see: 'https://kubernetes.io/docs/concepts/storage/projected-volumes/',
  },
  {
    id: 'volume-source-fields',
    severity: 'error',
    category: 'api-server',
    summary:
      "Every volume source has the fields it requires (nfs `server` and an absolute `path`, csi `driver`, ephemeral `volumeClaimTemplate` with access modes and a storage request, iscsi `targetPortal` and `iqn`, …) with values in range, and `emptyDir.sizeLimit` is a quantity of 0 or more.",
    why: 'The API server refuses the Pod (validateVolumeSource and the validator of each source): "Required value", "must be an absolute path", "must be between 0 and 255, inclusive", "SizeLimit field must be a valid resource quantity".',
    ...fixByCase(
      {
        required: (field: string) => `set ${field}`,
        sizeLimit: 'write a size such as "1Gi", or leave sizeLimit out',
        nfsPath: 'write the exported path from the root, such as "/exports/data"',
        directory: RELATIVE_PATH_FIX,
        iscsiName: 'write it as iqn.2001-04.com.example:storage, eui. and 16 hex digits, or naa. and 32 hex digits',
        chap: 'name the Secret that holds the CHAP credentials',
        fcNeither: 'give targetWWNs with a lun, or wwids',
        fcBoth: 'keep one of them',
        fcLun: 'set the lun, 0 to 255',
        lun: (field: string) => `set ${field} from 0 to 255`,
        dataset: 'give exactly one of datasetName and datasetUUID',
        datasetName: 'name the dataset without "/"',
        diskURI: (form: string) => `write it as ${form}`,
        dnsLabel: 'use a DNS-1123 label',
        csiDriver: 'use the name the CSI driver registers, such as "secrets-store.csi.k8s.io"',
        csiSecret: 'name the Secret the driver reads',
        secretName: 'name the Secret by its metadata.name',
        noTemplate: 'describe the claim to create, with accessModes and resources.requests.storage',
        templateMetadata: (field: string) => `remove metadata.${field}: the claim is named after the Pod and the volume`,
        accessModes: 'list at least one access mode, such as ["ReadWriteOnce"]',
        readWriteOncePod: 'use ReadWriteOncePod alone',
        storageClass: 'name the StorageClass by its metadata.name',
        noStorage: 'request a size, such as resources: { requests: { storage: "1Gi" } }',
        storage: 'request a size, such as "1Gi"',
      },
      { required: ['the field the message names'], lun: ['lun'], diskURI: ['the form of its kind'], templateMetadata: ['name'] },
    ),
    see: 'https://kubernetes.io/docs/concepts/storage/volumes/',
  },
  {
    id: 'deprecated-volume-type',
    severity: 'warning',
    category: 'lint',
    summary: 'Volumes do not use a deprecated or removed in-tree source (gitRepo, glusterfs, cephfs, rbd, flocker, quobyte, storageos, scaleIO, photonPersistentDisk).',
    why: 'The API server warns ("deprecated in v1.25, non-functional in v1.26+"): the kubelet of a newer cluster cannot mount the volume.',
    fix: 'Move to the CSI driver of the storage, or clone a repository in an init container into an emptyDir.',
    see: 'https://kubernetes.io/docs/concepts/storage/volumes/',
  },
]);

const VOLUME_ITEMS = ruleIn(VOLUME_SOURCE_RULES, 'volume-items');
const VOLUME_SOURCE_FIELDS = ruleIn(VOLUME_SOURCE_RULES, 'volume-source-fields');

// Declared in container-fields.ts, which reports it too.
const REFERENCE_NAME = ruleIn(CONTAINER_FIELD_API_RULES, 'reference-name');
const EMPTY_DIR_MEDIA = ['', 'Memory', 'HugePages'];
const VOLUME_SOURCE_SET: ReadonlySet<string> = new Set(VOLUME_SOURCE_KINDS);
const REFERENCING_VOLUMES = [
  ['configMap', 'name', 'ConfigMap'],
  ['secret', 'secretName', 'Secret'],
  ['persistentVolumeClaim', 'claimName', 'claim'],
] as const;

/** The sources of a volume, by field. */
type Sources = Required<Omit<Unvalidated<k8s.Volume>, 'name'>>;
type SourceCheck<S> = (source: S, at: string, what: string, report: RuleReport) => void;

/** Checks the source of `volume`, at field path `path`: exactly one, and its fields. */
export function validateVolumeSource(volume: Unvalidated<k8s.Volume>, path: string, report: RuleReport): void {
  const { name, hostPath, emptyDir } = volume;
  // Walks the volume's own few keys rather than all the source types Kubernetes knows.
  const fields: { readonly [field: string]: unknown } = volume;
  const sources = Object.keys(volume).filter((key) => VOLUME_SOURCE_SET.has(key) && fields[key] != null) as (keyof Sources)[];
  if (sources.length !== 1) {
    report.error('volume-source', path, sources.length === 0 ? `volume "${name}" has no source` : `volume "${name}" has ${sources.length} sources (${sources.join(', ')})`);
  }
  if (hostPath) {
    if (!hostPath.path) {
      report.error('host-path', `${path}.hostPath.path`, `hostPath volume "${name}" has no path`);
    } else if (hostPath.path.split('/').includes('..')) {
      report.error('host-path', `${path}.hostPath.path`, `hostPath "${hostPath.path}" of volume "${name}" holds a ".." segment`);
    }
    checkEnum(hostPath.type, HOST_PATH_TYPES, `${path}.hostPath.type`, 'hostPath type', report);
  }
  for (const [source, field, object] of REFERENCING_VOLUMES) {
    const reference: { readonly [field: string]: unknown } | undefined = volume[source];
    if (reference && !reference[field]) {
      report.error('reference-name', `${path}.${source}.${field}`, `${source} volume "${name}" names no object`, REFERENCE_NAME.fixFor('object', object));
    }
  }
  // HugePages-<size> (HugePages-2Mi) picks a page size; the kubelet knows no other media.
  if (emptyDir?.medium !== undefined && !/^HugePages-.+$/.test(emptyDir.medium)) {
    checkEnum(emptyDir.medium, EMPTY_DIR_MEDIA, `${path}.emptyDir.medium`, 'emptyDir medium', report);
  }
  // The fields of each source; only sources have them.
  for (const source of sources) {
    const value = volume[source];
    if (value == null || plainCommonSource(volume, source)) {
      continue;
    }
    const at = `${path}.${source}`;
    if (Object.hasOwn(DEPRECATED_SOURCES, source)) {
      report.warn('deprecated-volume-type', at, `volume "${name}" uses the ${source} source, ${DEPRECATED_SOURCES[source]}`);
    }
    const sourceFields: { readonly [field: string]: unknown } = value;
    for (const field of Object.hasOwn(REQUIRED_FIELDS, source) ? REQUIRED_FIELDS[source] : []) {
      if (!sourceFields[field] || (Array.isArray(sourceFields[field]) && sourceFields[field].length === 0)) {
        report.error('volume-source-fields', `${at}.${field}`, `${source} volume "${name}" has no ${field}`, VOLUME_SOURCE_FIELDS.fixFor('required', field));
      }
    }
    // The check of this source reads the value of the same field: its type.
    (SOURCE_CHECKS[source] as SourceCheck<typeof value> | undefined)?.(value, at, `${source} volume "${name}"`, report);
  }
}

// The sources most volumes have, with nothing of their own to check: no
// paths or messages are written out for them.
function plainCommonSource({ emptyDir, configMap, secret }: Unvalidated<k8s.Volume>, source: keyof Sources): boolean {
  switch (source) {
    case 'emptyDir':
      return emptyDir?.sizeLimit == null;
    case 'configMap':
    case 'secret': {
      const projection = source === 'secret' ? secret : configMap;
      return projection?.defaultMode === undefined && projection?.items === undefined;
    }
    case 'hostPath':
    case 'persistentVolumeClaim':
      return true;
    default:
      return false;
  }
}

const SOURCE_CHECKS: { readonly [S in keyof Sources]?: SourceCheck<Sources[S]> } = {
  emptyDir: ({ sizeLimit }, at, what, report) => {
    const bytes = sizeLimit == null ? 0 : parseQuantity(sizeLimit);
    if (bytes === undefined || bytes < 0) {
      report.error('volume-source-fields', `${at}.sizeLimit`, `sizeLimit ${quoteValue(sizeLimit)} of ${what} is not a quantity of 0 or more`, VOLUME_SOURCE_FIELDS.fixFor('sizeLimit'));
    }
  },
  configMap: (s, at, what, report) => checkProjection(s, at, what, report),
  secret: (s, at, what, report) => checkProjection(s, at, what, report),
  downwardAPI: (s, at, what, report) => {
    checkMode(s.defaultMode, `${at}.defaultMode`, `defaultMode of ${what}`, report);
    const items = s.items ?? [];
    for (let i = 0; i < items.length; i++) {
      checkDownwardFile(items[i], `${at}.items[${i}]`, `item ${i} of ${what}`, report);
    }
  },
  projected: checkProjected,
  nfs: ({ path }, at, what, report) => {
    if (path && !path.startsWith('/')) {
      report.error('volume-source-fields', `${at}.path`, `path "${path}" of ${what} is not absolute`, VOLUME_SOURCE_FIELDS.fixFor('nfsPath'));
    }
  },
  gitRepo: (s, at, what, report) => checkLocalPath(s.directory, `${at}.directory`, what, false, report),
  iscsi: (s, at, what, report) => {
    checkLun(s.lun, `${at}.lun`, what, report);
    checkIscsiName(s.iqn, `${at}.iqn`, 'iqn', what, report);
    checkIscsiName(s.initiatorName, `${at}.initiatorName`, 'initiatorName', what, report);
    if ((s.chapAuthDiscovery === true || s.chapAuthSession === true) && s.secretRef == null) {
      report.error('volume-source-fields', `${at}.secretRef`, `${what} uses CHAP authentication and has no secretRef`, VOLUME_SOURCE_FIELDS.fixFor('chap'));
    }
  },
  fc: ({ targetWWNs: wwns = [], wwids = [], lun }, at, what, report) => {
    if (wwns.length === 0 && wwids.length === 0) {
      report.error('volume-source-fields', `${at}.targetWWNs`, `${what} has neither targetWWNs nor wwids`, VOLUME_SOURCE_FIELDS.fixFor('fcNeither'));
    } else if (wwns.length > 0 && wwids.length > 0) {
      report.error('volume-source-fields', `${at}.targetWWNs`, `${what} has both targetWWNs and wwids`, VOLUME_SOURCE_FIELDS.fixFor('fcBoth'));
    } else if (wwns.length > 0 && lun == null) {
      report.error('volume-source-fields', `${at}.lun`, `${what} has targetWWNs and no lun`, VOLUME_SOURCE_FIELDS.fixFor('fcLun'));
    } else if (wwns.length > 0) {
      checkLun(lun, `${at}.lun`, what, report);
    }
  },
  gcePersistentDisk: (s, at, what, report) => checkLun(s.partition, `${at}.partition`, what, report, 'partition'),
  awsElasticBlockStore: (s, at, what, report) => checkLun(s.partition, `${at}.partition`, what, report, 'partition'),
  flocker: ({ datasetName, datasetUUID }, at, what, report) => {
    if (!datasetName === !datasetUUID) {
      report.error('volume-source-fields', at, `${what} ${datasetName ? 'has both datasetName and datasetUUID' : 'has neither datasetName nor datasetUUID'}`, VOLUME_SOURCE_FIELDS.fixFor('dataset'));
    }
    if (datasetName?.includes('/')) {
      report.error('volume-source-fields', `${at}.datasetName`, `datasetName "${datasetName}" of ${what} holds "/"`, VOLUME_SOURCE_FIELDS.fixFor('datasetName'));
    }
  },
  azureDisk: ({ cachingMode, kind, diskURI }, at, what, report) => {
    checkEnum(cachingMode, AZURE_CACHING_MODES, `${at}.cachingMode`, `cachingMode of ${what}`, report);
    checkEnum(kind, AZURE_DISK_KINDS, `${at}.kind`, `kind of ${what}`, report);
    // With a kind, a managed disk is named by its resource ID, the others by a blob URL.
    const form = kind === 'Managed' ? MANAGED_DISK_ID : BLOB_URL;
    if (diskURI && kind != null && !diskURI.startsWith(form.prefix)) {
      report.error('volume-source-fields', `${at}.diskURI`, `diskURI "${diskURI}" of ${what} (kind ${quoteValue(kind)}) is not ${form.what}`, VOLUME_SOURCE_FIELDS.fixFor('diskURI', form.written));
    }
  },
  storageos: ({ volumeName, volumeNamespace }, at, what, report) => {
    for (const [field, value] of [['volumeName', volumeName], ['volumeNamespace', volumeNamespace]] as const) {
      if (value) {
        checkName(value, 'dns-label', { rule: 'volume-source-fields', at: `${at}.${field}`, what: field, of: what, fix: VOLUME_SOURCE_FIELDS.fixFor('dnsLabel') }, report);
      }
    }
  },
  csi: ({ driver, nodePublishSecretRef: secret }, at, what, report) => {
    if (driver && driver.length > 63) {
      report.error('volume-source-fields', `${at}.driver`, `driver "${driver}" of ${what} is ${driver.length} characters long; at most 63 are allowed`, VOLUME_SOURCE_FIELDS.fixFor('csiDriver'));
    } else if (driver) {
      checkName(driver.toLowerCase(), 'dns-subdomain', { rule: 'volume-source-fields', at: `${at}.driver`, what: 'driver', of: what, fix: VOLUME_SOURCE_FIELDS.fixFor('csiDriver') }, report);
    }
    if (secret != null && !secret.name) {
      report.error('volume-source-fields', `${at}.nodePublishSecretRef.name`, `nodePublishSecretRef of ${what} names no Secret`, VOLUME_SOURCE_FIELDS.fixFor('csiSecret'));
    } else if (secret != null) {
      checkName(secret.name, 'dns-subdomain', { rule: 'volume-source-fields', at: `${at}.nodePublishSecretRef.name`, what: 'nodePublishSecretRef', of: what, fix: VOLUME_SOURCE_FIELDS.fixFor('secretName') }, report);
    }
  },
  ephemeral: checkEphemeral,
};

// The forms of an Azure disk's diskURI.
const MANAGED_DISK_ID = { prefix: '/subscriptions/', what: 'a managed disk ID', written: '/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}' };
const BLOB_URL = { prefix: 'https://', what: 'a blob URL', written: 'https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd' };

function checkIscsiName(value: string | undefined, at: string, field: string, what: string, report: RuleReport): void {
  if (!value) {
    return; // a missing iqn is reported as a required field
  }
  const format = value.startsWith('iqn') ? ISCSI_IQN : value.startsWith('eui') ? ISCSI_EUI : value.startsWith('naa') ? ISCSI_NAA : undefined;
  if (format === undefined || !format.test(value)) {
    report.error(
      'volume-source-fields',
      at,
      `${field} "${value}" of ${what} is not an iSCSI name${format === undefined ? ': it must start with iqn, eui or naa' : ''}`,
      VOLUME_SOURCE_FIELDS.fixFor('iscsiName'),
    );
  }
}

function checkLun(value: unknown, at: string, what: string, report: RuleReport, field = 'lun'): void {
  checkInteger(value, { rule: 'volume-source-fields', at, what: `${field} of ${what}`, range: LUN, fix: VOLUME_SOURCE_FIELDS.fixFor('lun', field) }, report);
}

function checkMode(value: unknown, at: string, what: string, report: RuleReport): void {
  checkInteger(value, { rule: 'volume-items', at, what, range: FILE_MODE, fix: VOLUME_ITEMS.fixFor('mode') }, report);
}

// ValidateLocalNonReservedPath: relative, no ".." part, not starting with "..".
function checkLocalPath(value: string | undefined, at: string, what: string, required: boolean, report: RuleReport): void {
  if (!value) {
    if (required) {
      report.error('volume-items', at, `${what} has no path`, VOLUME_ITEMS.fixFor('noPath'));
    }
    return;
  }
  if (value[0] !== '/' && !value.includes('..')) {
    return; // a plain relative path, as almost all are
  }
  const wrong = value.startsWith('/')
    ? 'is absolute; it must be relative'
    : value.replace(/\\/g, '/').split('/').includes('..')
      ? 'holds a ".." segment'
      : value.startsWith('..')
        ? 'starts with ".."'
        : undefined;
  if (wrong !== undefined) {
    report.error(required ? 'volume-items' : 'volume-source-fields', at, `path "${value}" of ${what} ${wrong}`, required ? VOLUME_ITEMS.fixFor('path') : VOLUME_SOURCE_FIELDS.fixFor('directory'));
  }
}

function checkKeyToPath(item: Unvalidated<k8s.KeyToPath>, at: string, what: string, report: RuleReport): void {
  if (!item.key) {
    report.error('volume-items', `${at}.key`, `${what} has no key`, VOLUME_ITEMS.fixFor('key'));
  }
  checkLocalPath(item.path, `${at}.path`, what, true, report);
  checkMode(item.mode, `${at}.mode`, `mode of ${what}`, report);
}

function checkProjection(s: Unvalidated<k8s.ConfigMapVolumeSource | k8s.SecretVolumeSource>, at: string, what: string, report: RuleReport): void {
  checkMode(s.defaultMode, `${at}.defaultMode`, `defaultMode of ${what}`, report);
  const items = s.items ?? [];
  for (let i = 0; i < items.length; i++) {
    checkKeyToPath(items[i], `${at}.items[${i}]`, `item ${i} of ${what}`, report);
  }
}

function checkDownwardFile(file: Unvalidated<k8s.DownwardApiVolumeFile>, at: string, what: string, report: RuleReport): void {
  checkLocalPath(file.path, `${at}.path`, what, true, report);
  if (file.fieldRef != null && file.resourceFieldRef != null) {
    report.error('volume-items', at, `${what} has both fieldRef and resourceFieldRef`, VOLUME_ITEMS.fixFor('bothRefs'));
  } else if (file.fieldRef != null) {
    const fieldPath = file.fieldRef.fieldPath;
    // A subscript names one label or annotation: metadata.labels['app'].
    const base = fieldPath?.replace(/^(metadata\.(?:labels|annotations))\[.+\]$/, '$1');
    if (!(DOWNWARD_API_FIELDS as readonly unknown[]).includes(base)) {
      report.error(
        'volume-items',
        `${at}.fieldRef.fieldPath`,
        `fieldPath ${quoteValue(fieldPath)} of ${what} is not a field a downwardAPI volume can hold; the fields are ${DOWNWARD_API_FIELDS.map((f) => `"${f}"`).join(', ')}`,
        VOLUME_ITEMS.fixFor('fieldPath'),
      );
    }
  } else if (file.resourceFieldRef != null) {
    const { containerName, resource } = file.resourceFieldRef;
    if (!containerName) {
      report.error('volume-items', `${at}.resourceFieldRef.containerName`, `resourceFieldRef of ${what} names no container`, VOLUME_ITEMS.fixFor('containerName'));
    }
    if (!(DOWNWARD_API_RESOURCES as readonly unknown[]).includes(resource) && !/^(limits|requests)\.hugepages-.+$/.test(resource ?? '')) {
      report.error(
        'volume-items',
        `${at}.resourceFieldRef.resource`,
        `resource ${quoteValue(resource)} of ${what} is not supported; the resources are ${DOWNWARD_API_RESOURCES.map((r) => `"${r}"`).join(', ')} and limits.hugepages-* and requests.hugepages-*`,
        VOLUME_ITEMS.fixFor('resource'),
      );
    }
  } else {
    report.error('volume-items', at, `${what} has neither fieldRef nor resourceFieldRef`, VOLUME_ITEMS.fixFor('noRef'));
  }
  checkMode(file.mode, `${at}.mode`, `mode of ${what}`, report);
}

const PROJECTION_KINDS = ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle'] as const;

function checkProjected(s: Unvalidated<k8s.ProjectedVolumeSource>, at: string, what: string, report: RuleReport): void {
  checkMode(s.defaultMode, `${at}.defaultMode`, `defaultMode of ${what}`, report);
  const sources = s.sources ?? [];
  // The first item of the volume at each path.
  const paths = new Map<string, string>();
  const claim = (path: string | undefined, itemAt: string) => {
    const first = path ? paths.get(path) : undefined;
    if (first !== undefined) {
      report.error('volume-items', itemAt, `path "${path}" of ${what} is already used by ${first}`, VOLUME_ITEMS.fixFor('pathTwice'));
    } else if (path) {
      paths.set(path, itemAt);
    }
  };
  for (let i = 0; i < sources.length; i++) {
    const source: Unvalidated<k8s.VolumeProjection> & { readonly clusterTrustBundle?: unknown } = sources[i];
    const srcAt = `${at}.sources[${i}]`;
    const kinds = PROJECTION_KINDS.filter((kind) => source[kind] != null);
    if (kinds.length > 1) {
      report.error('volume-items', srcAt, `source ${i} of ${what} has ${kinds.length} kinds (${kinds.join(', ')})`, VOLUME_ITEMS.fixFor('kinds'));
    }
    for (const [kind, object] of [['secret', 'Secret'], ['configMap', 'ConfigMap']] as const) {
      const ref = source[kind];
      if (ref == null) {
        continue;
      }
      if (!ref.name) {
        report.error('volume-items', `${srcAt}.${kind}.name`, `${kind} source ${i} of ${what} names no ${object}`, VOLUME_ITEMS.fixFor('sourceName', object));
      }
      const items = ref.items ?? [];
      for (let j = 0; j < items.length; j++) {
        const itemAt = `${srcAt}.${kind}.items[${j}]`;
        checkKeyToPath(items[j], itemAt, `item ${j} of ${kind} source ${i} of ${what}`, report);
        claim(items[j].path, itemAt);
      }
    }
    const files = source.downwardAPI?.items ?? [];
    for (let j = 0; j < files.length; j++) {
      const itemAt = `${srcAt}.downwardAPI.items[${j}]`;
      checkDownwardFile(files[j], itemAt, `item ${j} of downwardAPI source ${i} of ${what}`, report);
      claim(files[j].path, itemAt);
    }
    const token = source.serviceAccountToken;
    if (token != null) {
      const tokenAt = `${srcAt}.serviceAccountToken`;
      checkInteger(token.expirationSeconds, { rule: 'volume-items', at: `${tokenAt}.expirationSeconds`, what: `expirationSeconds of the serviceAccountToken source ${i} of ${what}`, range: TOKEN_EXPIRATION, fix: VOLUME_ITEMS.fixFor('token') }, report);
      checkLocalPath(token.path, `${tokenAt}.path`, `serviceAccountToken source ${i} of ${what}`, true, report);
      claim(token.path, tokenAt);
    }
  }
}

function checkEphemeral({ volumeClaimTemplate: template }: Unvalidated<k8s.EphemeralVolumeSource>, at: string, what: string, report: RuleReport): void {
  const tAt = `${at}.volumeClaimTemplate`;
  if (template == null) {
    report.error('volume-source-fields', tAt, `${what} has no volumeClaimTemplate`, VOLUME_SOURCE_FIELDS.fixFor('noTemplate'));
    return;
  }
  const metadata: { readonly [field: string]: unknown; readonly labels?: unknown; readonly annotations?: unknown } = template.metadata ?? {};
  for (const key of Object.keys(metadata)) {
    if (key !== 'labels' && key !== 'annotations') {
      report.error('volume-source-fields', `${tAt}.metadata.${key}`, `the volumeClaimTemplate of ${what} sets metadata.${key}; only labels and annotations can be set`, VOLUME_SOURCE_FIELDS.fixFor('templateMetadata', key));
    }
  }
  validateLabels(metadata.labels, `${tAt}.metadata.labels`, report);
  if (metadata.annotations !== undefined) {
    validateAnnotations(metadata.annotations, `${tAt}.metadata.annotations`, report);
  }
  const spec = template.spec ?? {};
  const modes = spec.accessModes ?? [];
  if (modes.length === 0) {
    report.error('volume-source-fields', `${tAt}.spec.accessModes`, `the volumeClaimTemplate of ${what} has no accessModes`, VOLUME_SOURCE_FIELDS.fixFor('accessModes'));
  }
  for (let i = 0; i < modes.length; i++) {
    checkEnum(modes[i], ACCESS_MODES, `${tAt}.spec.accessModes[${i}]`, 'access mode', report);
  }
  if (modes.includes('ReadWriteOncePod') && modes.some((mode) => mode !== 'ReadWriteOncePod')) {
    report.error('volume-source-fields', `${tAt}.spec.accessModes`, `the volumeClaimTemplate of ${what} combines ReadWriteOncePod with other access modes`, VOLUME_SOURCE_FIELDS.fixFor('readWriteOncePod'));
  }
  checkEnum(spec.volumeMode, VOLUME_MODES, `${tAt}.spec.volumeMode`, 'volumeMode', report);
  if (spec.storageClassName) {
    checkName(spec.storageClassName, 'dns-subdomain', { rule: 'volume-source-fields', at: `${tAt}.spec.storageClassName`, what: 'storageClassName', fix: VOLUME_SOURCE_FIELDS.fixFor('storageClass') }, report);
  }
  const storage = spec.resources?.requests?.storage;
  if (storage == null) {
    report.error('volume-source-fields', `${tAt}.spec.resources.requests.storage`, `the volumeClaimTemplate of ${what} requests no storage`, VOLUME_SOURCE_FIELDS.fixFor('noStorage'));
  } else if (!((parseQuantity(storage) ?? 0) > 0)) {
    report.error('volume-source-fields', `${tAt}.spec.resources.requests.storage`, `storage request ${quoteValue(storage)} of the volumeClaimTemplate of ${what} is not a quantity above 0`, VOLUME_SOURCE_FIELDS.fixFor('storage'));
  }
}

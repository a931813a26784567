/**
 * The fields of each volume source, checked as `validateVolumeSource` and
 * its helpers in `pkg/apis/core/validation/validation.go` check them:
 * validateKeyToPath and the file modes of configMap, secret, downwardAPI
 * and projected volumes (validateProjectionSources,
 * validateDownwardAPIVolumeFile), the required fields of every other
 * source, `emptyDir.sizeLimit`, generic ephemeral volumes
 * (validateEphemeralVolumeSource); and the deprecated sources that
 * `pkg/api/pod/warnings.go` warns about.
 */

import { asObject, list } from './_json';
import { checkEnum, checkName } from './_field-checks';
import { checkInteger, quoteValue } from './_integer';
import { parseQuantity } from '../quantity';
import { ACCESS_MODES, DOWNWARD_API_FIELDS, DOWNWARD_API_RESOURCES, VOLUME_MODES } from '../volume';
import { validateLabels, validateAnnotations } from './metadata';
import { RuleReport } from './problem';
import { defineRules } from './rules';

/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads manifests as plain JSON */

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

/** The rules of volume sources. */
export const VOLUME_SOURCE_RULES = defineRules([
  {
    id: 'volume-items',
    severity: 'error',
    category: 'api-server',
    summary:
      'configMap, secret, downwardAPI and projected volumes: each item has a key (or a fieldRef or resourceFieldRef, exactly one) and a relative path without `..`; no two items of a projected volume share a path; `mode` and `defaultMode` are 0 to 0777; a projected source has one kind; a service-account token expires after 600 to 2^32 seconds.',
    why: 'The API server refuses the Pod (validateKeyToPath, validateDownwardAPIVolumeFile, validateProjectionSources): "must be a number between 0 and 0777 (octal), both inclusive", "must be a relative path", "must not contain \'..\'", "conflicting duplicate paths", "may not specify more than 1 volume type per source", "may not specify a duration less than 10 minutes".',
    fix: 'Give each item a key and a relative path, modes such as 0o644, and each projected source one kind.',
    see: 'https://kubernetes.io/docs/concepts/storage/projected-volumes/',
  },
  {
    id: 'volume-source-fields',
    severity: 'error',
    category: 'api-server',
    summary:
      "Every volume source has the fields it requires (nfs `server` and an absolute `path`, csi `driver`, ephemeral `volumeClaimTemplate` with access modes and a storage request, iscsi `targetPortal` and `iqn`, …) with values in range, and `emptyDir.sizeLimit` is a quantity of 0 or more.",
    why: 'The API server refuses the Pod (validateVolumeSource and the validator of each source): "Required value", "must be an absolute path", "must be between 0 and 255, inclusive", "SizeLimit field must be a valid resource quantity".',
    fix: 'Set the field the message names; build the volume with a `Volume` factory, which asks for the required fields.',
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

/**
 * Checks the fields of the source of `volume` (named `name`, at field path
 * `path`); the source kinds themselves (exactly one) are checked by the caller.
 */
export function validateVolumeSourceFields(volume: any, name: unknown, path: string, report: RuleReport): void {
  for (const source in volume) {
    const value = volume[source];
    if (source === 'name' || value === null || typeof value !== 'object' || plainCommonSource(source, value)) {
      continue;
    }
    const at = `${path}.${source}`;
    const deprecated = Object.hasOwn(DEPRECATED_SOURCES, source) ? DEPRECATED_SOURCES[source] : undefined;
    if (deprecated !== undefined) {
      report.warn('deprecated-volume-type', at, `volume "${name}" uses the ${source} source, ${deprecated}`, 'move to the CSI driver of the storage');
    }
    for (const field of Object.hasOwn(REQUIRED_FIELDS, source) ? REQUIRED_FIELDS[source] : []) {
      const given = value[field];
      if (given === undefined || given === null || given === '' || (Array.isArray(given) && given.length === 0)) {
        report.error('volume-source-fields', `${at}.${field}`, `${source} volume "${name}" has no ${field}`, `set ${field}`);
      }
    }
    if (Object.hasOwn(SOURCE_CHECKS, source)) {
      SOURCE_CHECKS[source](value, at, `${source} volume "${name}"`, report);
    }
  }
}

// The sources most volumes have, with nothing of their own to check: no
// paths or messages are written out for them.
function plainCommonSource(source: string, value: any): boolean {
  switch (source) {
    case 'emptyDir':
      return value.sizeLimit == null;
    case 'configMap':
    case 'secret':
      return value.defaultMode === undefined && value.items === undefined;
    case 'hostPath':
    case 'persistentVolumeClaim':
      return true;
    default:
      return false;
  }
}

type SourceCheck = (source: any, at: string, what: string, report: RuleReport) => void;

const SOURCE_CHECKS: Readonly<Record<string, SourceCheck>> = {
  emptyDir: (s, at, what, report) => {
    if (s.sizeLimit !== undefined && s.sizeLimit !== null) {
      const bytes = parseQuantity(s.sizeLimit);
      if (bytes === undefined || bytes < 0) {
        report.error('volume-source-fields', `${at}.sizeLimit`, `sizeLimit ${quoteValue(s.sizeLimit)} of ${what} is not a quantity of 0 or more`, 'write a size such as "1Gi", or leave sizeLimit out');
      }
    }
  },
  configMap: (s, at, what, report) => checkProjection(s, at, what, report),
  secret: (s, at, what, report) => checkProjection(s, at, what, report),
  downwardAPI: (s, at, what, report) => {
    if (s.defaultMode !== undefined) {
    checkMode(s.defaultMode, `${at}.defaultMode`, `defaultMode of ${what}`, report);
  }
    const items = list(s.items);
    for (let i = 0; i < items.length; i++) {
      checkDownwardFile(asObject(items[i]), `${at}.items[${i}]`, `item ${i} of ${what}`, report);
    }
  },
  projected: checkProjected,
  nfs: (s, at, what, report) => {
    if (typeof s.path === 'string' && s.path !== '' && !s.path.startsWith('/')) {
      report.error('volume-source-fields', `${at}.path`, `path "${s.path}" of ${what} is not absolute`, 'write the exported path from the root, such as "/exports/data"');
    }
  },
  gitRepo: (s, at, what, report) => checkLocalPath(s.directory, `${at}.directory`, what, false, report),
  iscsi: (s, at, what, report) => {
    checkLun(s.lun, `${at}.lun`, what, report);
    checkIscsiName(s.iqn, `${at}.iqn`, 'iqn', what, report);
    if (s.initiatorName != null) {
      checkIscsiName(s.initiatorName, `${at}.initiatorName`, 'initiatorName', what, report);
    }
    if ((s.chapAuthDiscovery === true || s.chapAuthSession === true) && s.secretRef == null) {
      report.error('volume-source-fields', `${at}.secretRef`, `${what} uses CHAP authentication and has no secretRef`, 'name the Secret that holds the CHAP credentials');
    }
  },
  fc: (s, at, what, report) => {
    const wwns = list(s.targetWWNs);
    const wwids = list(s.wwids);
    if (wwns.length === 0 && wwids.length === 0) {
      report.error('volume-source-fields', `${at}.targetWWNs`, `${what} has neither targetWWNs nor wwids`, 'give targetWWNs with a lun, or wwids');
    } else if (wwns.length > 0 && wwids.length > 0) {
      report.error('volume-source-fields', `${at}.targetWWNs`, `${what} has both targetWWNs and wwids`, 'keep one of them');
    } else if (wwns.length > 0) {
      if (s.lun === undefined || s.lun === null) {
        report.error('volume-source-fields', `${at}.lun`, `${what} has targetWWNs and no lun`, 'set the lun, 0 to 255');
      } else {
        checkLun(s.lun, `${at}.lun`, what, report);
      }
    }
  },
  gcePersistentDisk: (s, at, what, report) => checkLun(s.partition, `${at}.partition`, what, report, 'partition'),
  awsElasticBlockStore: (s, at, what, report) => checkLun(s.partition, `${at}.partition`, what, report, 'partition'),
  flocker: (s, at, what, report) => {
    const named = typeof s.datasetName === 'string' && s.datasetName !== '';
    const byUuid = typeof s.datasetUUID === 'string' && s.datasetUUID !== '';
    if (named === byUuid) {
      report.error('volume-source-fields', at, `${what} ${named ? 'has both datasetName and datasetUUID' : 'has neither datasetName nor datasetUUID'}`, 'give exactly one of datasetName and datasetUUID');
    }
    if (named && s.datasetName.includes('/')) {
      report.error('volume-source-fields', `${at}.datasetName`, `datasetName "${s.datasetName}" of ${what} holds "/"`, 'name the dataset without "/"');
    }
  },
  azureDisk: (s, at, what, report) => {
    checkEnum(s.cachingMode, AZURE_CACHING_MODES, `${at}.cachingMode`, `cachingMode of ${what}`, report);
    checkEnum(s.kind, AZURE_DISK_KINDS, `${at}.kind`, `kind of ${what}`, report);
    // With a kind, a managed disk is named by its resource ID, the others by a blob URL.
    if (typeof s.diskURI === 'string' && s.diskURI !== '' && s.kind != null) {
      const managed = s.kind === 'Managed';
      if (managed ? !s.diskURI.startsWith('/subscriptions/') : !s.diskURI.startsWith('https://')) {
        report.error(
          'volume-source-fields',
          `${at}.diskURI`,
          `diskURI "${s.diskURI}" of ${what} (kind ${quoteValue(s.kind)}) is not ${managed ? 'a managed disk ID' : 'a blob URL'}`,
          managed ? 'write it as /subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}' : 'write it as https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd',
        );
      }
    }
  },
  storageos: (s, at, what, report) => {
    if (s.volumeName !== undefined && s.volumeName !== '') {
      checkName(s.volumeName, 'dns-label', { rule: 'volume-source-fields', at: `${at}.volumeName`, what: 'volumeName', of: `${what}`, fix: 'use a DNS-1123 label' }, report);
    }
    if (s.volumeNamespace !== undefined && s.volumeNamespace !== '') {
      checkName(s.volumeNamespace, 'dns-label', { rule: 'volume-source-fields', at: `${at}.volumeNamespace`, what: 'volumeNamespace', of: `${what}`, fix: 'use a DNS-1123 label' }, report);
    }
  },
  csi: (s, at, what, report) => {
    if (typeof s.driver === 'string' && s.driver !== '') {
      if (s.driver.length > 63) {
        report.error('volume-source-fields', `${at}.driver`, `driver "${s.driver}" of ${what} is ${s.driver.length} characters long; at most 63 are allowed`, 'use the name the CSI driver registers, such as "secrets-store.csi.k8s.io"');
      } else {
        checkName(s.driver.toLowerCase(), 'dns-subdomain', { rule: 'volume-source-fields', at: `${at}.driver`, what: 'driver', of: `${what}`, fix: 'use the name the CSI driver registers, such as "secrets-store.csi.k8s.io"' }, report);
      }
    }
    if (s.nodePublishSecretRef != null) {
      const secret = asObject(s.nodePublishSecretRef).name;
      if (secret === undefined || secret === '') {
        report.error('volume-source-fields', `${at}.nodePublishSecretRef.name`, `nodePublishSecretRef of ${what} names no Secret`, 'name the Secret the driver reads');
      } else {
        checkName(secret, 'dns-subdomain', { rule: 'volume-source-fields', at: `${at}.nodePublishSecretRef.name`, what: 'nodePublishSecretRef', of: `${what}`, fix: 'name the Secret by its metadata.name' }, report);
      }
    }
  },
  ephemeral: checkEphemeral,
};

function checkIscsiName(value: unknown, at: string, field: string, what: string, report: RuleReport): void {
  if (typeof value !== 'string' || value === '') {
    return; // a missing iqn is reported as a required field
  }
  const format = value.startsWith('iqn') ? ISCSI_IQN : value.startsWith('eui') ? ISCSI_EUI : value.startsWith('naa') ? ISCSI_NAA : undefined;
  if (format === undefined || !format.test(value)) {
    report.error(
      'volume-source-fields',
      at,
      `${field} "${value}" of ${what} is not an iSCSI name${format === undefined ? ': it must start with iqn, eui or naa' : ''}`,
      'write it as iqn.2001-04.com.example:storage, eui. and 16 hex digits, or naa. and 32 hex digits',
    );
  }
}

function checkLun(value: unknown, at: string, what: string, report: RuleReport, field = 'lun'): void {
  checkInteger(value, { rule: 'volume-source-fields', at, what: `${field} of ${what}`, range: LUN, fix: `set ${field} from 0 to 255` }, report);
}

function checkMode(value: unknown, at: string, what: string, report: RuleReport): void {
  if (value === undefined) {
    return;
  }
  checkInteger(value, { rule: 'volume-items', at, what, range: FILE_MODE, fix: 'use file mode bits from 0 to 0777 (octal; 511 in decimal), such as 0o644' }, report);
}

// ValidateLocalNonReservedPath: relative, no ".." part, not starting with "..".
function checkLocalPath(value: unknown, at: string, what: string, required: boolean, report: RuleReport): void {
  if (value === undefined || value === null || value === '') {
    if (required) {
      report.error('volume-items', at, `${what} has no path`, 'give the file a path relative to the mount point, such as "config/app.yaml"');
    }
    return;
  }
  if (typeof value === 'string' && value[0] !== '/' && !value.includes('..')) {
    return; // a plain relative path, as almost all are
  }
  const wrong =
    typeof value !== 'string'
      ? `is ${quoteValue(value)}, not a string`
      : value.startsWith('/')
        ? 'is absolute; it must be relative'
        : value.replace(/\\/g, '/').split('/').includes('..')
          ? 'holds a ".." segment'
          : value.startsWith('..')
            ? 'starts with ".."'
            : undefined;
  if (wrong !== undefined) {
    report.error(required ? 'volume-items' : 'volume-source-fields', at, `path ${typeof value === 'string' ? `"${value}" ` : ''}of ${what} ${wrong}`, 'write a path relative to the mount point, without ".."');
  }
}

function checkKeyToPath(item: any, at: string, what: string, report: RuleReport): void {
  if (item.key === undefined || item.key === null || item.key === '') {
    report.error('volume-items', `${at}.key`, `${what} has no key`, 'name the key of the ConfigMap or Secret to project');
  }
  checkLocalPath(item.path, `${at}.path`, what, true, report);
  if (item.mode !== undefined) {
    checkMode(item.mode, `${at}.mode`, `mode of ${what}`, report);
  }
}

function checkProjection(s: any, at: string, what: string, report: RuleReport): void {
  if (s.defaultMode !== undefined) {
    checkMode(s.defaultMode, `${at}.defaultMode`, `defaultMode of ${what}`, report);
  }
  const items = list(s.items);
  for (let i = 0; i < items.length; i++) {
    checkKeyToPath(asObject(items[i]), `${at}.items[${i}]`, `item ${i} of ${what}`, report);
  }
}

function checkDownwardFile(file: any, at: string, what: string, report: RuleReport): void {
  checkLocalPath(file.path, `${at}.path`, what, true, report);
  const hasField = file.fieldRef != null;
  const hasResource = file.resourceFieldRef != null;
  if (hasField && hasResource) {
    report.error('volume-items', at, `${what} has both fieldRef and resourceFieldRef`, 'keep one of them');
  } else if (!hasField && !hasResource) {
    report.error('volume-items', at, `${what} has neither fieldRef nor resourceFieldRef`, 'give it a fieldRef such as { fieldPath: "metadata.labels" }, or a resourceFieldRef');
  } else if (hasField) {
    const fieldPath = asObject(file.fieldRef).fieldPath;
    // A subscript names one label or annotation: metadata.labels['app'].
    const base = typeof fieldPath === 'string' ? fieldPath.replace(/^(metadata\.(?:labels|annotations))\[.+\]$/, '$1') : fieldPath;
    if (!(DOWNWARD_API_FIELDS as readonly unknown[]).includes(base)) {
      report.error(
        'volume-items',
        `${at}.fieldRef.fieldPath`,
        `fieldPath ${quoteValue(fieldPath)} of ${what} is not a field a downwardAPI volume can hold; the fields are ${DOWNWARD_API_FIELDS.map((f) => `"${f}"`).join(', ')}`,
        'use one of the listed fields; status fields such as the Pod IP reach a container through env valueFrom',
      );
    }
  } else {
    const ref = asObject(file.resourceFieldRef);
    if (ref.containerName === undefined || ref.containerName === '') {
      report.error('volume-items', `${at}.resourceFieldRef.containerName`, `resourceFieldRef of ${what} names no container`, 'name the container whose resources the file holds');
    }
    const resource = ref.resource;
    const known = (DOWNWARD_API_RESOURCES as readonly unknown[]).includes(resource) || (typeof resource === 'string' && /^(limits|requests)\.hugepages-.+$/.test(resource));
    if (!known) {
      report.error(
        'volume-items',
        `${at}.resourceFieldRef.resource`,
        `resource ${quoteValue(resource)} of ${what} is not supported; the resources are ${DOWNWARD_API_RESOURCES.map((r) => `"${r}"`).join(', ')} and limits.hugepages-* and requests.hugepages-*`,
        'use one of the listed resources',
      );
    }
  }
  if (file.mode !== undefined) {
    checkMode(file.mode, `${at}.mode`, `mode of ${what}`, report);
  }
}

const PROJECTION_KINDS = ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle'] as const;

function checkProjected(s: any, at: string, what: string, report: RuleReport): void {
  if (s.defaultMode !== undefined) {
    checkMode(s.defaultMode, `${at}.defaultMode`, `defaultMode of ${what}`, report);
  }
  const sources = list(s.sources);
  // The first item of the volume at each path.
  const paths = new Map<unknown, string>();
  const claim = (path: unknown, itemAt: string) => {
    if (typeof path !== 'string' || path === '') {
      return;
    }
    const first = paths.get(path);
    if (first !== undefined) {
      report.error('volume-items', itemAt, `path "${path}" of ${what} is already used by ${first}`, 'give each file of the projected volume its own path');
    } else {
      paths.set(path, itemAt);
    }
  };
  for (let i = 0; i < sources.length; i++) {
    const source = asObject(sources[i]);
    const srcAt = `${at}.sources[${i}]`;
    const kinds = PROJECTION_KINDS.filter((kind) => source[kind] != null);
    if (kinds.length > 1) {
      report.error('volume-items', srcAt, `source ${i} of ${what} has ${kinds.length} kinds (${kinds.join(', ')})`, 'give each source one kind; list the others as sources of their own');
    }
    for (const kind of ['secret', 'configMap'] as const) {
      if (source[kind] == null) {
        continue;
      }
      const ref = asObject(source[kind]);
      if (ref.name === undefined || ref.name === '') {
        report.error('volume-items', `${srcAt}.${kind}.name`, `${kind} source ${i} of ${what} names no ${kind === 'secret' ? 'Secret' : 'ConfigMap'}`, `pass the ${kind === 'secret' ? 'Secret' : 'ConfigMap'} object, or { name } of one that exists`);
      }
      const items = list(ref.items);
      for (let j = 0; j < items.length; j++) {
        const itemAt = `${srcAt}.${kind}.items[${j}]`;
        checkKeyToPath(asObject(items[j]), itemAt, `item ${j} of ${kind} source ${i} of ${what}`, report);
        claim(asObject(items[j]).path, itemAt);
      }
    }
    if (source.downwardAPI != null) {
      const items = list(asObject(source.downwardAPI).items);
      for (let j = 0; j < items.length; j++) {
        const itemAt = `${srcAt}.downwardAPI.items[${j}]`;
        checkDownwardFile(asObject(items[j]), itemAt, `item ${j} of downwardAPI source ${i} of ${what}`, report);
        claim(asObject(items[j]).path, itemAt);
      }
    }
    if (source.serviceAccountToken != null) {
      const token = asObject(source.serviceAccountToken);
      const tokenAt = `${srcAt}.serviceAccountToken`;
      checkInteger(token.expirationSeconds, {
        rule: 'volume-items',
        at: `${tokenAt}.expirationSeconds`,
        what: `expirationSeconds of the serviceAccountToken source ${i} of ${what}`,
        range: TOKEN_EXPIRATION,
        fix: 'let the token live 600 seconds (10 minutes) or more, such as 3600, or leave expirationSeconds out for 1 hour',
      }, report);
      checkLocalPath(token.path, `${tokenAt}.path`, `serviceAccountToken source ${i} of ${what}`, true, report);
      claim(token.path, tokenAt);
    }
  }
}

function checkEphemeral(s: any, at: string, what: string, report: RuleReport): void {
  if (s.volumeClaimTemplate == null) {
    report.error('volume-source-fields', `${at}.volumeClaimTemplate`, `${what} has no volumeClaimTemplate`, 'describe the claim to create, with accessModes and resources.requests.storage');
    return;
  }
  const template = asObject(s.volumeClaimTemplate);
  const tAt = `${at}.volumeClaimTemplate`;
  const metadata = asObject(template.metadata);
  for (const key of Object.keys(metadata)) {
    if (key !== 'labels' && key !== 'annotations') {
      report.error('volume-source-fields', `${tAt}.metadata.${key}`, `the volumeClaimTemplate of ${what} sets metadata.${key}; only labels and annotations can be set`, `remove metadata.${key}: the claim is named after the Pod and the volume`);
    }
  }
  validateLabels(metadata.labels, `${tAt}.metadata.labels`, report);
  if (metadata.annotations !== undefined) {
    validateAnnotations(metadata.annotations, `${tAt}.metadata.annotations`, report);
  }
  const spec = asObject(template.spec);
  const modes = list(spec.accessModes);
  if (modes.length === 0) {
    report.error('volume-source-fields', `${tAt}.spec.accessModes`, `the volumeClaimTemplate of ${what} has no accessModes`, 'list at least one access mode, such as ["ReadWriteOnce"]');
  }
  for (let i = 0; i < modes.length; i++) {
    checkEnum(modes[i], ACCESS_MODES, `${tAt}.spec.accessModes[${i}]`, 'access mode', report);
  }
  if (modes.includes('ReadWriteOncePod') && modes.some((mode) => mode !== 'ReadWriteOncePod')) {
    report.error('volume-source-fields', `${tAt}.spec.accessModes`, `the volumeClaimTemplate of ${what} combines ReadWriteOncePod with other access modes`, 'use ReadWriteOncePod alone');
  }
  checkEnum(spec.volumeMode, VOLUME_MODES, `${tAt}.spec.volumeMode`, 'volumeMode', report);
  if (spec.storageClassName !== undefined && spec.storageClassName !== '') {
    checkName(spec.storageClassName, 'dns-subdomain', { rule: 'volume-source-fields', at: `${tAt}.spec.storageClassName`, what: 'storageClassName', fix: 'name the StorageClass by its metadata.name' }, report);
  }
  const storage = asObject(asObject(spec.resources).requests).storage;
  if (storage === undefined || storage === null) {
    report.error('volume-source-fields', `${tAt}.spec.resources.requests.storage`, `the volumeClaimTemplate of ${what} requests no storage`, 'request a size, such as resources: { requests: { storage: "1Gi" } }');
  } else {
    const bytes = parseQuantity(storage);
    if (bytes === undefined || bytes <= 0) {
      report.error('volume-source-fields', `${tAt}.spec.resources.requests.storage`, `storage request ${quoteValue(storage)} of the volumeClaimTemplate of ${what} is not a quantity above 0`, 'request a size, such as "1Gi"');
    }
  }
}

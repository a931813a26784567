import { MODELED_CONTAINER_FIELDS } from '../container';
import { envReferences, isServiceLinkVariable } from '../env';
import { NODE_ARCHITECTURES, NODE_OPERATING_SYSTEMS } from '../node-selector';
import { HOST_PATH_TYPES } from '../volume';
import { fieldOf, listAt } from '../validation/_json';
import { MODELED_SPEC_FIELDS } from '../pod-template';
import { PROTOCOLS } from '../port';
import { PROBE_HANDLER_FIELDS, PROBE_TIMING_FIELDS } from '../probe';
import { parseQuantity } from '../quantity';
import { HTTP_SCHEMES, STANDARD_CONTAINER_RESOURCES } from '../validation/container-fields';
import { IMAGE_PULL_POLICIES, PROBE_KINDS } from '../validation/container-spec';
import { RESTART_POLICIES, validateSharedPorts } from '../validation/pod-spec';
import { RuleReport } from '../validation/problem';
import { ArrayCode, CallCode, camelCase, Code, jsonLiteral, literal, objectOf, optionsArg, print, stringLiteral } from './code';
import { setOwn } from './_kubectl-yaml';
import { FieldReader, otherKeys, YamlMap } from './fields';
import { l1Literal, l1Object } from './l1-literal';
import { l1Schema } from './l1-schema';
import { keyedReference, serviceAccountReference } from './kinds/_kind';
import { Declaration, DeclaredPort, Scope } from './scope';
import { fileMode, TYPED_SOURCES, TypedSource, typedSource } from './_volume-sources';

/** The props of a Pod or Pod template, with the statements that declare its volumes. */
export interface TemplateCode {
  readonly entries: [string, Code | undefined, string?][];
  readonly statements: string[];
  readonly labels: Record<string, string>;
  readonly ports: DeclaredPort[];
}

// Env lists longer than this are written as a typed constant (see convertContainer).
const LONG_ENV = 30;
const POD_FIELD = /^(metadata\.(name|namespace|uid)|metadata\.(labels|annotations)\['[^']*'\]|spec\.(nodeName|serviceAccountName)|status\.(hostIP|hostIPs|podIP|podIPs))$/;
const CONTAINER_RESOURCE = /^(requests|limits)\.(cpu|memory|ephemeral-storage|hugepages-.+)$/;
const CPU = /^[0-9.]+m?$/;
const MEMORY = /^[0-9.]+(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;
const WHOLE_UNITS = /^[0-9]+$/;
const ANY_QUANTITY = /^[0-9.]+(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?$/;

/**
 * Converts the metadata and spec of a Pod, or of a workload's Pod template,
 * into PodTemplateProps entries. `at` is the spec's field path.
 */
export function convertTemplate(
  reader: FieldReader,
  scope: Scope,
  metadata: YamlMap,
  spec: YamlMap,
  at: string,
  metaAt: string,
  owner: string,
  /** A StatefulSet's claim templates by name: the containers mount them by variable, as volumes. */
  claims: ReadonlyMap<string, string> = new Map(),
): TemplateCode {
  const entries: [string, Code | undefined, string?][] = [];
  const statements: string[] = [];
  const labels = reader.stringMap(metadata.labels, `${metaAt}.labels`) ?? {};
  if (metadata.labels !== undefined) {
    entries.push(['labels', jsonLiteral(labels)]);
  }
  const annotations = reader.stringMap(metadata.annotations, `${metaAt}.annotations`);
  entries.push(['annotations', annotations && jsonLiteral(annotations)]);
  const nodeSelector = reader.stringMap(spec.nodeSelector, `${at}.nodeSelector`);
  // Peapod types the well-known OS and architecture labels with the values nodes report.
  for (const [key, allowed] of [['kubernetes.io/os', NODE_OPERATING_SYSTEMS], ['kubernetes.io/arch', NODE_ARCHITECTURES]] as const) {
    const value = nodeSelector?.[key];
    if (value !== undefined && !(allowed as readonly string[]).includes(value)) {
      reader.problem(`${at}.nodeSelector.${key}`, `is "${value}", which no node reports`, `use one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
    }
  }
  entries.push(['nodeSelector', nodeSelector && jsonLiteral(nodeSelector)]);

  // Volumes first: containers mount them by variable.
  const volumes = new Map<string, { variable: string; mounted: boolean }>([...claims].map(([name, variable]) => [name, { variable, mounted: false }]));
  const volumeOrder: string[] = [];
  (reader.list(spec.volumes, `${at}.volumes`) ?? []).forEach((volume, i) => {
    const declared = convertVolume(reader, scope, volume, `${at}.volumes[${i}]`, owner);
    if (declared) {
      if (volumes.has(declared.name)) {
        reader.problem(`${at}.volumes[${i}].name`, `volume name "${declared.name}" is used twice`, 'give each volume of the Pod its own name', 'volume-name-unique');
        return;
      }
      volumes.set(declared.name, { variable: declared.variable, mounted: false });
      volumeOrder.push(declared.name);
      statements.push(declared.statement);
    }
  });

  const ports: DeclaredPort[] = [];
  const mountOrder: string[] = [];
  const convertContainers = (field: 'containers' | 'initContainers'): Code | undefined => {
    const list = reader.list(spec[field], `${at}.${field}`);
    if (!list) {
      return undefined;
    }
    return {
      array: list.map((container, i) => {
        const converted = convertContainer(reader, scope, container, `${at}.${field}[${i}]`, volumes, mountOrder, owner, statements);
        if (field === 'containers') {
          ports.push(...converted.ports);
        }
        return converted.code;
      }),
    };
  };
  // Synth would refuse a port two containers share: said now, in synth's words.
  const sharedPorts = new RuleReport(owner);
  validateSharedPorts(portsOf(spec), at, sharedPorts);
  for (const shared of sharedPorts.problems) {
    reader.problem(shared.field, shared.message, shared.fix, shared.rule);
  }
  const initContainers = convertContainers('initContainers');
  if (reader.required(spec, 'containers', at, 'add at least one container') !== undefined) {
    entries.push(['initContainers', initContainers], ['containers', convertContainers('containers')]);
  }

  // PodTemplate lists declared volumes first, then the mounted ones in
  // order of first mount. Declaring only the unmounted ones keeps the code
  // short; when that would change the order of `volumes`, declare them all.
  const unmounted = volumeOrder.filter((name) => !volumes.get(name)!.mounted);
  const rendered = [...unmounted, ...mountOrder.filter((name) => !unmounted.includes(name) && !claims.has(name))];
  const declare = rendered.every((name, i) => name === volumeOrder[i]) ? unmounted : volumeOrder;
  if (declare.length > 0) {
    entries.push(['volumes', { array: declare.map((name) => volumes.get(name)!.variable) }]);
  }

  entries.push(['restartPolicy', literal(reader.oneOf(spec.restartPolicy, `${at}.restartPolicy`, RESTART_POLICIES))]);
  const account = reader.string(spec.serviceAccountName, `${at}.serviceAccountName`);
  entries.push(['serviceAccount', account === undefined ? undefined : serviceAccountReference(scope, account)]);
  entries.push(['securityContext', l1Object(spec.securityContext, 'PodSecurityContext', `${at}.securityContext`, reader, scope.usage)]);
  entries.push(['tolerations', l1Literal(spec.tolerations, { kind: 'list', of: { kind: 'interface', name: 'Toleration' } }, `${at}.tolerations`, reader, scope.usage)]);
  const extra = otherKeys(spec, MODELED_SPEC_FIELDS);
  if (extra.length > 0) {
    entries.push(['extraSpec', l1Object(pick(spec, extra), 'PodSpec', at, reader, scope.usage, false, true), `Not modeled by Peapod; emitted as given: ${extra.join(', ')}.`]);
  }
  return { entries, statements, labels, ports };
}

interface ContainerCode {
  readonly code: CallCode;
  readonly ports: DeclaredPort[];
}

function convertContainer(
  reader: FieldReader,
  scope: Scope,
  value: unknown,
  at: string,
  volumes: Map<string, { variable: string; mounted: boolean }>,
  mountOrder: string[],
  owner: string,
  statements: string[],
): ContainerCode {
  scope.imports.add('Container');
  const container = reader.map(value, at) ?? {};
  const entries: [string, Code | undefined, string?][] = [];
  const name = reader.string(reader.required(container, 'name', at), `${at}.name`);
  entries.push(['name', literal(name)], ['image', literal(reader.string(reader.required(container, 'image', at), `${at}.image`))]);
  entries.push(['imagePullPolicy', literal(reader.oneOf(container.imagePullPolicy, `${at}.imagePullPolicy`, IMAGE_PULL_POLICIES))]);

  const { code: portsCode, ports } = convertPorts(reader, container.ports, `${at}.ports`);
  entries.push(['ports', portsCode]);
  for (const field of ['command', 'args']) {
    const list = reader.list(container[field], `${at}.${field}`);
    if (list) {
      entries.push([field, { array: list.map((item, i) => stringLiteral(reader.string(item, `${at}.${field}[${i}]`) ?? '')) }]);
    }
  }
  entries.push(['workingDir', literal(reader.string(container.workingDir, `${at}.workingDir`))]);
  const env = convertEnv(reader, scope, container.env, `${at}.env`);
  if (env && 'array' in env && env.array.length > LONG_ENV) {
    // A long list as a typed constant: the compiler then checks each entry as an
    // EnvVar and does not follow every $(VAR) through the list, which takes a type
    // instantiation per entry; synth still checks the references, as the import did.
    scope.typeImports.add('EnvVar');
    const variable = scope.names.claim(camelCase(`${name ?? 'container'}-env`), camelCase(`${owner}-${name ?? 'container'}-env`));
    statements.push(`const ${variable}: EnvVar[] = ${print(env, '    ', variable.length + 17)};`);
    entries.push(['env', variable]);
  } else {
    entries.push(['env', env]);
  }
  entries.push(['envFrom', convertEnvFrom(reader, scope, container.envFrom, `${at}.envFrom`)]);

  const mounts = reader.list(container.volumeMounts, `${at}.volumeMounts`);
  if (mounts) {
    entries.push([
      'mounts',
      {
        array: mounts.map((mount, i) => {
          const mat = `${at}.volumeMounts[${i}]`;
          const m = reader.map(mount, mat) ?? {};
          reader.otherFields(m, ['name', 'mountPath', 'readOnly', 'subPath'], mat, `is not modeled by Peapod's volume mounts`, 'remove it, or add it to the container after the import');
          const volumeName = reader.string(reader.required(m, 'name', mat), `${mat}.name`) ?? '';
          const path = reader.string(reader.required(m, 'mountPath', mat), `${mat}.mountPath`) ?? '';
          const volume = volumes.get(volumeName);
          if (!volume && m.name !== undefined) {
            reader.problem(`${mat}.name`, `mounts volume "${volumeName}", which the Pod does not declare`, 'declare the volume in the Pod spec, or correct the name');
          } else if (volume) {
            volume.mounted = true;
            if (!mountOrder.includes(volumeName)) {
              mountOrder.push(volumeName);
            }
          }
          const options = optionsArg([
            ['readOnly', literal(reader.boolean(m.readOnly, `${mat}.readOnly`))],
            ['subPath', literal(reader.string(m.subPath, `${mat}.subPath`))],
          ]);
          return { call: `${volume?.variable ?? 'undefined'}.mount`, args: [stringLiteral(path), ...options] };
        }),
      },
    ]);
  }
  entries.push(['resources', convertResources(reader, container.resources, `${at}.resources`)]);
  for (const probe of PROBE_KINDS) {
    entries.push([probe, convertProbe(reader, scope, container[probe], `${at}.${probe}`, ports)]);
  }
  entries.push(['securityContext', l1Object(container.securityContext, 'SecurityContext', `${at}.securityContext`, reader, scope.usage)]);
  const extra = otherKeys(container, MODELED_CONTAINER_FIELDS);
  if (extra.length > 0) {
    entries.push(['extraFields', l1Object(pick(container, extra), 'Container', at, reader, scope.usage, false, true), `Not modeled by Peapod; emitted as given: ${extra.join(', ')}.`]);
  }
  return { code: { call: 'new Container', args: [objectOf(entries)] }, ports };
}

function convertPorts(reader: FieldReader, value: unknown, at: string): { code?: Code; ports: DeclaredPort[] } {
  const list = reader.list(value, at);
  if (!list) {
    return { ports: [] };
  }
  const ports: DeclaredPort[] = [];
  const specs = list.map((item, i) => {
    const pat = `${at}[${i}]`;
    const port = reader.map(item, pat) ?? {};
    reader.otherFields(port, ['name', 'containerPort', 'protocol', 'hostPort', 'hostIP'], pat, 'is not a field of a container port');
    const containerPort = reader.integer(reader.required(port, 'containerPort', pat), `${pat}.containerPort`) ?? 0;
    const name = reader.string(port.name, `${pat}.name`);
    const protocol = reader.oneOf(port.protocol, `${pat}.protocol`, PROTOCOLS);
    const hostPort = reader.integer(port.hostPort, `${pat}.hostPort`);
    const hostIP = reader.string(port.hostIP, `${pat}.hostIP`);
    if (name !== undefined && ports.some((p) => p.name === name)) {
      reader.problem(`${pat}.name`, `port name "${name}" is used twice in the container`, 'give each port its own name', 'port-name-unique');
    }
    ports.push({ name, containerPort, protocol: protocol ?? 'TCP' });
    const options: [string, Code | undefined][] = [
      ['containerPort', String(containerPort)],
      ['protocol', literal(protocol)],
      ['hostPort', literal(hostPort)],
      ['hostIP', literal(hostIP)],
    ];
    return { name, options };
  });
  const named = specs.every((s) => s.name !== undefined) && new Set(specs.map((s) => s.name)).size === specs.length;
  const bare = (s: (typeof specs)[number]) => s.options.slice(1).every(([, v]) => v === undefined);
  if (named && specs.length > 0) {
    // The `{ http: 80 }` form, which names the ports for probes and Services.
    return { ports, code: objectOf(specs.map((s) => [s.name!, bare(s) ? s.options[0][1] : objectOf(s.options)])) };
  }
  return {
    ports,
    code: { array: specs.map((s) => (bare(s) && s.name === undefined ? (s.options[0][1] as string) : objectOf([['name', literal(s.name)], ...s.options]))) },
  };
}

function convertEnv(reader: FieldReader, scope: Scope, value: unknown, at: string): ArrayCode | undefined {
  const list = reader.list(value, at);
  if (!list) {
    return undefined;
  }
  const defined: string[] = [];
  return {
    array: list.map((item, i) => {
      const eat = `${at}[${i}]`;
      const variable = reader.map(item, eat) ?? {};
      reader.otherFields(variable, ['name', 'value', 'valueFrom'], eat, 'is not a field of an env var');
      const name = reader.string(reader.required(variable, 'name', eat), `${eat}.name`) ?? '';
      const entries: [string, Code | undefined][] = [['name', stringLiteral(name)]];
      if (variable.valueFrom !== undefined) {
        entries.push(['valueFrom', convertValueFrom(reader, scope, variable.valueFrom, `${eat}.valueFrom`)]);
      } else if (variable.value === undefined || variable.value === null) {
        reader.problem(`${eat}.value`, `env var ${name} has neither value nor valueFrom`, "give it a value (`value: \"\"` for an empty one)");
      } else {
        const text = reader.string(variable.value, `${eat}.value`);
        if (text !== undefined) {
          for (const ref of envReferences(text)) {
            // Service-link variables resolve without an entry, as synth and the types agree.
            if (!defined.includes(ref) && !isServiceLinkVariable(ref)) {
              reader.problem(
                `${eat}.value`,
                `$(${ref}) in ${name} refers to no variable defined before ${name}; Kubernetes would leave it as literal text`,
                `define ${ref} earlier in env, or write $$(${ref}) for the literal text`,
                'env-reference-defined',
              );
            }
          }
        }
        entries.push(['value', literal(text)]);
      }
      defined.push(name);
      return objectOf(entries);
    }),
  };
}

function convertValueFrom(reader: FieldReader, scope: Scope, value: unknown, at: string): Code | undefined {
  const source = reader.map(value, at) ?? {};
  const kinds = Object.keys(source);
  if (kinds.length !== 1) {
    reader.problem(at, `has ${kinds.length === 0 ? 'no source' : `${kinds.length} sources (${kinds.join(', ')})`}`, 'give exactly one of configMapKeyRef, secretKeyRef, fieldRef and resourceFieldRef');
    return undefined;
  }
  const kind = kinds[0];
  const sat = `${at}.${kind}`;
  const ref = reader.map(source[kind], sat) ?? {};
  scope.imports.add('EnvValue');
  switch (kind) {
    case 'configMapKeyRef':
    case 'secretKeyRef': {
      reader.otherFields(ref, ['name', 'key', 'optional'], sat, `is not a field of ${kind}`);
      const objectName = reader.string(reader.required(ref, 'name', sat), `${sat}.name`) ?? '';
      const key = reader.string(reader.required(ref, 'key', sat), `${sat}.key`) ?? '';
      const optional = reader.boolean(ref.optional, `${sat}.optional`);
      const target = keyedReference(reader, scope, kind === 'configMapKeyRef' ? 'ConfigMap' : 'Secret', objectName, key, optional, `${sat}.key`);
      const options = optional === undefined ? [] : [objectOf([['optional', String(optional)]])];
      return { call: kind === 'configMapKeyRef' ? 'EnvValue.fromConfigMap' : 'EnvValue.fromSecret', args: [target, stringLiteral(key), ...options] };
    }
    case 'fieldRef': {
      for (const key of otherKeys(ref, ['fieldPath'])) {
        reader.problem(`${sat}.${key}`, key === 'apiVersion' ? 'is not modeled by Peapod' : 'is not a field of fieldRef', 'remove it; "v1" is the default');
      }
      const path = reader.string(reader.required(ref, 'fieldPath', sat), `${sat}.fieldPath`);
      if (path !== undefined && !POD_FIELD.test(path)) {
        reader.problem(`${sat}.fieldPath`, `"${path}" is not a field of the Pod an env var can read`, 'use status.podIP, metadata.name, spec.nodeName, … (see the Downward API)');
      }
      return { call: 'EnvValue.fromField', args: [stringLiteral(path ?? '')] };
    }
    case 'resourceFieldRef': {
      reader.otherFields(ref, ['resource', 'containerName', 'divisor'], sat, 'is not a field of resourceFieldRef');
      const resource = reader.string(reader.required(ref, 'resource', sat), `${sat}.resource`);
      if (resource !== undefined && !CONTAINER_RESOURCE.test(resource)) {
        reader.problem(`${sat}.resource`, `"${resource}" is not a container resource an env var can read`, 'use requests.cpu, limits.memory, …');
      }
      const containerName = reader.string(ref.containerName, `${sat}.containerName`);
      const options = optionsArg([
        ['container', containerName === undefined ? undefined : objectOf([['name', stringLiteral(containerName)]])],
        ['divisor', quantity(reader, ref.divisor, `${sat}.divisor`, ANY_QUANTITY)],
      ]);
      return { call: 'EnvValue.fromResource', args: [stringLiteral(resource ?? ''), ...options] };
    }
    default:
      reader.problem(sat, `"${kind}" is not a source of an env var`, 'use configMapKeyRef, secretKeyRef, fieldRef or resourceFieldRef');
      return undefined;
  }
}

function convertEnvFrom(reader: FieldReader, scope: Scope, value: unknown, at: string): Code | undefined {
  const list = reader.list(value, at);
  if (!list) {
    return undefined;
  }
  scope.imports.add('EnvFrom');
  return {
    array: list.map((item, i) => {
      const eat = `${at}[${i}]`;
      const source = reader.map(item, eat) ?? {};
      reader.otherFields(source, ['configMapRef', 'secretRef', 'prefix'], eat, 'is not a field of envFrom');
      const kind = source.configMapRef !== undefined ? 'configMapRef' : 'secretRef';
      const ref = reader.map(reader.required(source, kind, eat, 'add configMapRef or secretRef'), `${eat}.${kind}`) ?? {};
      const name = reader.string(reader.required(ref, 'name', `${eat}.${kind}`), `${eat}.${kind}.name`) ?? '';
      const optional = reader.boolean(ref.optional, `${eat}.${kind}.optional`);
      const prefix = reader.string(source.prefix, `${eat}.prefix`);
      const target = keyedReference(reader, scope, kind === 'configMapRef' ? 'ConfigMap' : 'Secret', name, undefined, optional, eat);
      const options = optionsArg([
        ['prefix', literal(prefix)],
        ['optional', literal(optional)],
      ]);
      return { call: kind === 'configMapRef' ? 'EnvFrom.configMap' : 'EnvFrom.secret', args: [target, ...options] };
    }),
  };
}

function convertResources(reader: FieldReader, value: unknown, at: string): Code | undefined {
  const resources = reader.map(value, at);
  if (!resources) {
    return undefined;
  }
  reader.otherFields(resources, ['requests', 'limits'], at, 'is not modeled by Peapod', 'remove it, or set it in the code after the import');
  const amounts = (field: string): Code | undefined => {
    const map = reader.map(resources[field], `${at}.${field}`);
    if (!map) {
      return undefined;
    }
    return objectOf(
      Object.entries(map).map(([key, amount]) => {
        const rat = `${at}.${field}.${key}`;
        // Extended resources (`nvidia.com/gpu`) have a domain and count whole units.
        const extended = key.includes('/');
        if (!extended && !(STANDARD_CONTAINER_RESOURCES as readonly string[]).includes(key)) {
          reader.problem(rat, `resource "${key}" is not modeled by Peapod, which knows cpu, memory, ephemeral-storage and extended resources such as nvidia.com/gpu`, 'remove it, or add it to the manifest after the import');
          return [key, undefined] as const;
        }
        return [key, quantity(reader, amount, rat, extended ? WHOLE_UNITS : key === 'cpu' ? CPU : MEMORY)] as const;
      }),
    );
  };
  return objectOf([
    ['requests', amounts('requests')],
    ['limits', amounts('limits')],
  ]);
}

// A quantity as Peapod's quantity types accept it: numbers as numbers, text as text.
function quantity(reader: FieldReader, value: unknown, at: string, pattern: RegExp): Code | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value === 'number') {
    return String(value);
  }
  if (typeof value !== 'string' || !pattern.test(value) || parseQuantity(value) === undefined) {
    reader.problem(at, `${JSON.stringify(value)} is not a quantity Peapod accepts here`, pattern === CPU ? 'write cores (0.5) or millicores ("500m")' : 'write bytes, or a number with a suffix such as "512Mi"');
    return undefined;
  }
  return stringLiteral(value);
}

function convertProbe(reader: FieldReader, scope: Scope, value: unknown, at: string, ports: DeclaredPort[]): Code | undefined {
  const probe = reader.map(value, at);
  if (!probe) {
    return undefined;
  }
  scope.imports.add('Probe');
  const handlers = PROBE_HANDLER_FIELDS.filter((h) => probe[h] !== undefined);
  reader.otherFields(probe, [...PROBE_HANDLER_FIELDS, ...PROBE_TIMING_FIELDS], at, 'is not a field of a probe');
  if (handlers.length !== 1) {
    reader.problem(at, `has ${handlers.length === 0 ? 'no handler' : `${handlers.length} handlers`}`, 'give exactly one of httpGet, tcpSocket, grpc and exec');
    return undefined;
  }
  const handler = handlers[0];
  const hat = `${at}.${handler}`;
  const h = reader.map(probe[handler], hat) ?? {};
  const allowed: Record<string, string[]> = {
    httpGet: ['port', 'path', 'scheme', 'host', 'httpHeaders'],
    tcpSocket: ['port', 'host'],
    grpc: ['port', 'service'],
    exec: ['command'],
  };
  reader.otherFields(h, allowed[handler], hat, `is not a field of ${handler}`);
  const entries: [string, Code | undefined][] = [];
  if (handler !== 'exec') {
    const port = reader.required(h, 'port', hat);
    if (port !== undefined) {
      // A number works whether the container declares it or not; a name must be one of its ports, and gRPC takes numbers only.
      const declared = typeof port === 'number' || ports.some((p) => p.name === port);
      if (!declared || (handler === 'grpc' && typeof port !== 'number')) {
        reader.problem(
          `${hat}.port`,
          `the probe calls port ${JSON.stringify(port)}, which the container does not declare`,
          handler === 'grpc' ? 'declare the port number in the container\'s ports' : "declare the port in the container's ports, and call it by name",
          'probe-port',
        );
      }
      entries.push(['port', jsonLiteral(port)]);
    }
  }
  for (const key of ['path', 'host', 'service']) {
    entries.push([key, literal(reader.string(h[key], `${hat}.${key}`))]);
  }
  entries.push(['scheme', literal(reader.oneOf(h.scheme, `${hat}.scheme`, HTTP_SCHEMES))]);
  const headers = reader.list(h.httpHeaders, `${hat}.httpHeaders`);
  if (headers) {
    const map: Record<string, string> = Object.create(null);
    headers.forEach((header, i) => {
      const hh = reader.map(header, `${hat}.httpHeaders[${i}]`) ?? {};
      const name = reader.string(reader.required(hh, 'name', `${hat}.httpHeaders[${i}]`), `${hat}.httpHeaders[${i}].name`) ?? '';
      if (name in map) {
        reader.problem(`${hat}.httpHeaders[${i}].name`, `header "${name}" is given twice`, 'send it once, with the values joined by commas');
      }
      setOwn(map, name, reader.string(hh.value, `${hat}.httpHeaders[${i}].value`) ?? '');
    });
    entries.push(['headers', jsonLiteral(map)]);
  }
  if (handler === 'exec') {
    const command = reader.list(reader.required(h, 'command', hat), `${hat}.command`) ?? [];
    entries.push(['command', { array: command.map((c, i) => stringLiteral(reader.string(c, `${hat}.command[${i}]`) ?? '')) }]);
  }
  for (const key of PROBE_TIMING_FIELDS) {
    entries.push([key, literal(reader.integer(probe[key], `${at}.${key}`))]);
  }
  const factory = { httpGet: 'http', tcpSocket: 'tcp', grpc: 'grpc', exec: 'exec' }[handler];
  return { call: `Probe.${factory}`, args: [objectOf(entries)] };
}

function convertVolume(reader: FieldReader, scope: Scope, value: unknown, at: string, owner: string): Declaration | undefined {
  const volume = reader.map(value, at);
  if (!volume) {
    return undefined;
  }
  const name = reader.string(reader.required(volume, 'name', at), `${at}.name`);
  const sources = otherKeys(volume, ['name']);
  if (name === undefined) {
    return undefined;
  }
  if (sources.length !== 1) {
    reader.problem(at, `volume "${name}" has ${sources.length === 0 ? 'no source' : `${sources.length} sources (${sources.join(', ')})`}`, 'give it exactly one source, such as emptyDir: {}');
    return undefined;
  }
  const kind = sources[0];
  const sat = `${at}.${kind}`;
  const source = reader.map(volume[kind], sat) ?? {};
  const modes = (): [string, Code | undefined][] => {
    const items = reader.list(source.items, `${sat}.items`);
    const defaultMode = reader.integer(source.defaultMode, `${sat}.defaultMode`);
    const optional = reader.boolean(source.optional, `${sat}.optional`);
    return [
      [
        'items',
        items && {
          array: items.map((item, i) => {
            const iat = `${sat}.items[${i}]`;
            const kp = reader.map(item, iat) ?? {};
            reader.otherFields(kp, ['key', 'path', 'mode'], iat, 'is not a field of an item');
            const key = reader.string(reader.required(kp, 'key', iat), `${iat}.key`) ?? '';
            const path = reader.string(reader.required(kp, 'path', iat), `${iat}.path`) ?? '';
            const mode = reader.integer(kp.mode, `${iat}.mode`);
            return objectOf([['key', stringLiteral(key)], ['path', stringLiteral(path)], ['mode', mode === undefined ? undefined : fileMode(mode)]]);
          }),
        },
      ],
      ['defaultMode', defaultMode === undefined ? undefined : fileMode(defaultMode)],
      ['optional', literal(optional)],
    ];
  };
  const only = (keys: string[]) => {
    reader.otherFields(source, keys, sat, `is not modeled by Peapod's ${kind} volumes`, 'remove it, or edit the volume after the import');
  };
  let call: CallCode;
  switch (kind) {
    case 'emptyDir': {
      only(['medium', 'sizeLimit']);
      const medium = literal(reader.oneOf(source.medium, `${sat}.medium`, ['', 'Memory']));
      call = { call: 'Volume.emptyDir', args: [stringLiteral(name), ...optionsArg([['medium', medium], ['sizeLimit', quantity(reader, source.sizeLimit, `${sat}.sizeLimit`, MEMORY)]])] };
      break;
    }
    case 'hostPath': {
      only(['path', 'type']);
      const path = reader.string(reader.required(source, 'path', sat), `${sat}.path`) ?? '';
      const type = literal(reader.oneOf(source.type, `${sat}.type`, HOST_PATH_TYPES));
      call = { call: 'Volume.hostPath', args: [stringLiteral(name), stringLiteral(path), ...optionsArg([['type', type]])] };
      break;
    }
    case 'configMap':
    case 'secret': {
      const nameField = kind === 'configMap' ? 'name' : 'secretName';
      only([nameField, 'items', 'defaultMode', 'optional']);
      const objectName = reader.string(reader.required(source, nameField, sat), `${sat}.${nameField}`) ?? '';
      const options = optionsArg(modes());
      const optional = source.optional === true;
      const keyed = kind === 'configMap' ? 'ConfigMap' : 'Secret';
      // Items name keys; each must be in an object of the input unless the volume is optional.
      let target: string | undefined;
      for (const [i, item] of listAt(source.items).entries()) {
        const key = fieldOf(item, 'key');
        target = keyedReference(reader, scope, keyed, objectName, typeof key === 'string' ? key : undefined, optional, `${sat}.items[${i}].key`);
      }
      target ??= keyedReference(reader, scope, keyed, objectName, undefined, optional, sat);
      call = { call: `Volume.${kind}`, args: [stringLiteral(name), target, ...options] };
      break;
    }
    case 'persistentVolumeClaim': {
      only(['claimName', 'readOnly']);
      const claim = reader.string(reader.required(source, 'claimName', sat), `${sat}.claimName`) ?? '';
      const options = optionsArg([['readOnly', literal(reader.boolean(source.readOnly, `${sat}.readOnly`))]]);
      call = { call: 'Volume.persistentVolumeClaim', args: [stringLiteral(name), objectOf([['name', stringLiteral(claim)]]), ...options] };
      break;
    }
    default: {
      const refer = (objectKind: 'ConfigMap' | 'Secret', objectName: string, key: string | undefined, optional: boolean | undefined, rat: string) =>
        keyedReference(reader, scope, objectKind, objectName, key, optional, rat);
      const args = (TYPED_SOURCES as readonly string[]).includes(kind) ? typedSource(kind as TypedSource, source, sat, { reader, scope, refer }) : undefined;
      if (args !== undefined) {
        call = { call: `Volume.${kind}`, args: [stringLiteral(name), ...args] };
        break;
      }
      if (l1Schema().get('Volume')?.has(kind)) {
        // Any other source through Volume.fromSource, typed by the L1 Volume and validated with the Pod.
        const source = l1Object(pick(volume, [kind]), 'Volume', at, reader, scope.usage, false, true);
        if (source === undefined) {
          return undefined;
        }
        call = { call: 'Volume.fromSource', args: [stringLiteral(name), source] };
        break;
      } else {
        reader.problem(sat, `"${kind}" is not a volume type`, 'check the spelling against the Kubernetes API reference');
      }
      return undefined;
    }
  }
  scope.imports.add('Volume');
  const variable = scope.names.claim(camelCase(name), camelCase(`${name}-volume`), camelCase(`${owner}-${name}-volume`));
  return { name, variable, statement: `const ${variable} = ${print(call, '    ', variable.length + 10)};` };
}

// The containers as the shared-port check reads them, scalars only: it reads the input before the readers have
// checked it, and writes names and protocols into its messages. A container or port with a mapping or list there is left out.
function portsOf(spec: YamlMap): YamlMap {
  const scalars = (value: unknown, keys: readonly string[]): YamlMap | undefined =>
    keys.some((key) => fieldOf(value, key) !== null && typeof fieldOf(value, key) === 'object') ? undefined : Object.fromEntries(keys.map((key) => [key, fieldOf(value, key)]));
  const container = (value: unknown) => {
    const own = scalars(value, ['name', 'restartPolicy']);
    return own && { ...own, ports: listAt(fieldOf(value, 'ports')).map((port) => scalars(port, ['containerPort', 'protocol'])) };
  };
  const containers = (list: unknown) => (Array.isArray(list) ? list.map(container) : undefined);
  return { containers: containers(spec.containers), initContainers: containers(spec.initContainers) };
}

function pick(map: YamlMap, keys: readonly string[]): YamlMap {
  return Object.fromEntries(keys.map((key) => [key, map[key]]));
}

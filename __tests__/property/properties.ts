/**
 * The properties, shared by the bounded run in `npm test` and the long run
 * of `npm run fuzz`. Checks throw plain errors (node's assert), so they run
 * outside jest too.
 */
import { deepStrictEqual } from 'assert';
import fc from 'fast-check';
import { checkManifest, formatSchemaProblem, manifestLabel } from '../../lib/schema';
import { GENERATED_KINDS, needsOf, podKindOf, POD_KINDS, programDesc } from './arbitraries';
import { synthesize } from './harness';
import { Mutation } from './mutations';
import { ConfigMapDesc, ContainerDesc, DisruptionBudgetDesc, EnvDesc, IngressDesc, JobDesc, NetworkPolicyDesc, PodDesc, ProgramDesc, ResourceDesc, SecretDesc, ServiceDesc, WorkloadDesc } from './program';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A property as its two halves, so a run can wrap the check (the long run makes it async). */
export interface PropertyParts<T> {
  readonly arbitrary: fc.Arbitrary<T>;
  /** Throws when the property does not hold for the value. */
  readonly check: (value: T) => void;
}

/** The property, for `fc.assert`. */
export function asProperty<T>(parts: PropertyParts<T>): fc.IPropertyWithHooks<[T]> {
  return fc.property(parts.arbitrary, parts.check);
}

/** Valid programs synthesize, every manifest matches the Kubernetes schema, and each construct is rendered exactly as described. */
export function validPrograms(dir: string): PropertyParts<ProgramDesc> {
  return {
    arbitrary: programDesc(),
    check: (program) => {
      const outcome = synthesize(program, dir, GENERATED_KINDS);
      if (outcome.kind === 'refused') {
        throw new Error(`synth refused a valid program:\n${outcome.message}`);
      }
      const problems = outcome.manifests.flatMap((m) => checkManifest(m).map((p) => `${manifestLabel(m)} ${formatSchemaProblem(p)}`));
      if (problems.length > 0) {
        throw new Error(`synth wrote manifests the Kubernetes schema refuses:\n  ${problems.join('\n  ')}`);
      }
      const resources = program.charts.flatMap((chart) => chart.resources);
      // A StatefulSet comes with the headless Service it makes.
      deepStrictEqual(outcome.manifests.length, resources.length + resources.filter((r) => r.kind === 'StatefulSet').length, 'one manifest per construct');
      for (const chart of program.charts) {
        for (const resource of chart.resources) {
          expectRendered(resource, chart.resources, outcome.manifests);
        }
      }
    },
  };
}

/** A mutated program is refused, and the refusal names the mutation's rule. */
export function refusedPrograms(mutation: Mutation, dir: string): PropertyParts<ProgramDesc> {
  return {
    arbitrary: mutatedProgram(mutation),
    check: (program) => {
      const outcome = synthesize(program, dir, GENERATED_KINDS);
      if (outcome.kind === 'written') {
        throw new Error(`synth wrote manifests for a program where ${mutation.name}`);
      }
      if (!outcome.message.includes(`(${mutation.rule})`)) {
        throw new Error(`synth refused a program where ${mutation.name}, but named no (${mutation.rule}):\n${outcome.message}`);
      }
    },
  };
}

/**
 * Whatever the mutation, synth never crashes: it writes manifests or throws
 * a SynthError and writes none (`synthesize` checks both). Holds for the
 * pending rules too, whose programs synthesize today.
 */
export function neverCrashes(mutations: readonly Mutation[], dir: string): PropertyParts<ProgramDesc> {
  return {
    arbitrary: fc.constantFrom(...mutations).chain(mutatedProgram),
    check: (program) => {
      synthesize(program, dir, GENERATED_KINDS);
    },
  };
}

/**
 * A valid program with the mutation applied: to the whole program, to one
 * of its resources of the mutation's kinds, or to the Pod (or template) of
 * one. The program is drawn so that it has such a resource.
 */
export function mutatedProgram(mutation: Mutation): fc.Arbitrary<ProgramDesc> {
  if (mutation.mutateProgram) {
    return programDesc(needsOf(mutation.kinds ?? [])).chain(mutation.mutateProgram);
  }
  const kinds = mutation.kinds ?? POD_KINDS.map((k) => k.kind);
  return programDesc(needsOf(kinds)).chain((program) => {
    const targets = program.charts.flatMap((chart, c) => chart.resources.map((r, i) => ({ c, i, kind: r.kind })).filter((t) => kinds.includes(t.kind)));
    return fc.constantFrom(...targets).chain(({ c, i }) => {
      const chart = program.charts[c];
      const resource = chart.resources[i];
      const mutated: fc.Arbitrary<unknown> = mutation.mutateResource
        ? mutation.mutateResource(resource.desc, chart.resources)
        : mutation.mutate!(podKindOf(resource.kind)!.podOf(resource.desc)).map((pod) => podKindOf(resource.kind)!.withPod(resource.desc, pod));
      return mutated.map((desc) => replaceResource(program, c, i, desc));
    });
  });
}

/** The program with the description of resource `i` of chart `c` replaced. */
export function replaceResource(program: ProgramDesc, c: number, i: number, desc: unknown): ProgramDesc {
  return {
    charts: program.charts.map((chart, cc) => (cc !== c ? chart : { ...chart, resources: chart.resources.map((r, ii) => (ii !== i ? r : { ...r, desc })) })),
  };
}

function manifestOf(resource: ResourceDesc, manifests: readonly Json[]): Json {
  const name = (resource.desc as { name: string }).name;
  const found = manifests.filter((m) => m.kind === resource.kind && m.metadata?.name === name);
  deepStrictEqual(found.length, 1, `one ${resource.kind} named ${name}`);
  return found[0];
}

function expectRendered(resource: ResourceDesc, chart: readonly ResourceDesc[], manifests: readonly Json[]): void {
  const manifest = manifestOf(resource, manifests);
  if (resource.kind !== 'Pod') {
    // The object's own labels and annotations; a Pod's are checked with the Pod.
    const d = resource.desc as { labels?: object; annotations?: object };
    deepStrictEqual(manifest.metadata.labels ?? {}, json(d.labels ?? {}), `${resource.kind} metadata.labels`);
    deepStrictEqual(manifest.metadata.annotations ?? {}, json(d.annotations ?? {}), `${resource.kind} metadata.annotations`);
  }
  const podKind = podKindOf(resource.kind);
  if (podKind) {
    const rendered = podKind.renderedPod(manifest);
    expectRenderedAsDescribed(podKind.podOf(resource.desc), rendered.metadata, rendered.spec);
    if (resource.kind === 'Job') {
      expectJob(resource.desc as JobDesc, manifest);
    } else if (resource.kind !== 'Pod') {
      expectWorkload(resource.desc as WorkloadDesc, podKind.selectorOf(resource.desc), manifest);
    }
    return;
  }
  switch (resource.kind) {
    case 'Service': {
      const d = resource.desc as ServiceDesc;
      const target = chart[d.target];
      deepStrictEqual(manifest.spec.selector, json(podKindOf(target.kind)!.selectorOf(target.desc)), 'Service spec.selector');
      deepStrictEqual(manifest.spec.type, d.type, 'Service spec.type');
      deepStrictEqual(manifest.spec.clusterIP, d.headless ? 'None' : undefined, 'Service spec.clusterIP');
      deepStrictEqual(manifest.spec.sessionAffinity, d.sessionAffinity, 'Service spec.sessionAffinity');
      deepStrictEqual(manifest.spec.externalTrafficPolicy, d.externalTrafficPolicy, 'Service spec.externalTrafficPolicy');
      const ports = d.ports.map((p) => strip({ name: p.name ?? (typeof p.targetPort === 'string' ? p.targetPort : undefined), port: p.port, targetPort: p.targetPort, protocol: p.protocol, nodePort: p.nodePort }));
      deepStrictEqual(manifest.spec.ports ?? [], ports, 'Service spec.ports');
      return;
    }
    case 'PodDisruptionBudget': {
      const d = resource.desc as DisruptionBudgetDesc;
      const target = chart[d.target];
      deepStrictEqual(manifest.spec.selector, { matchLabels: json(podKindOf(target.kind)!.selectorOf(target.desc)) }, 'PodDisruptionBudget spec.selector');
      deepStrictEqual({ minAvailable: manifest.spec.minAvailable, maxUnavailable: manifest.spec.maxUnavailable }, { minAvailable: undefined, maxUnavailable: undefined, ...d.budget }, 'PodDisruptionBudget budget');
      return;
    }
    case 'NetworkPolicy': {
      const d = resource.desc as NetworkPolicyDesc;
      const [target, from] = [chart[d.target], chart[d.from]];
      deepStrictEqual(manifest.spec.podSelector, { matchLabels: json(podKindOf(target.kind)!.selectorOf(target.desc)) }, 'NetworkPolicy spec.podSelector');
      deepStrictEqual(manifest.spec.ingress, [strip({ from: [{ podSelector: { matchLabels: json(podKindOf(from.kind)!.selectorOf(from.desc)) } }], ports: d.ports.map((port) => ({ port })) })], 'NetworkPolicy spec.ingress');
      return;
    }
    case 'Ingress': {
      const d = resource.desc as IngressDesc;
      const service = chart[d.service].desc as ServiceDesc;
      const port = typeof d.port === 'number' ? { number: d.port } : { name: d.port };
      deepStrictEqual(manifest.spec, { rules: [strip({ host: d.host, http: { paths: [{ path: d.path, pathType: d.pathType, backend: { service: { name: service.name, port } } }] } })] }, 'Ingress spec');
      return;
    }
    case 'ConfigMap': {
      const d = resource.desc as ConfigMapDesc;
      deepStrictEqual(manifest.data ?? {}, json(d.data), 'ConfigMap data');
      deepStrictEqual(manifest.binaryData ?? {}, json(d.binaryData), 'ConfigMap binaryData');
      return;
    }
    case 'Secret': {
      const d = resource.desc as SecretDesc;
      deepStrictEqual(manifest.stringData ?? {}, json(d.stringData), 'Secret stringData');
      deepStrictEqual(manifest.data ?? {}, json(d.data), 'Secret data');
      return;
    }
    default:
      throw new Error(`no rendering check for ${resource.kind}`);
  }
}

function expectJob(d: JobDesc, manifest: Json): void {
  for (const field of ['backoffLimit', 'completions', 'parallelism', 'ttlSecondsAfterFinished'] as const) {
    deepStrictEqual(manifest.spec[field], d[field], `spec.${field}`);
  }
  deepStrictEqual(manifest.spec.selector, undefined, 'spec.selector (Kubernetes makes it)');
}

function expectWorkload(d: WorkloadDesc, selector: Readonly<Record<string, string>>, manifest: Json): void {
  deepStrictEqual(manifest.spec.replicas, d.replicas, 'spec.replicas');
  deepStrictEqual(manifest.spec.minReadySeconds, d.minReadySeconds, 'spec.minReadySeconds');
  deepStrictEqual(manifest.spec.selector, { matchLabels: json(selector) }, 'spec.selector');
  deepStrictEqual(manifest.spec.revisionHistoryLimit, d.revisionHistoryLimit, 'spec.revisionHistoryLimit');
  deepStrictEqual(manifest.spec.progressDeadlineSeconds, d.progressDeadlineSeconds, 'spec.progressDeadlineSeconds');
  const strategy =
    d.strategy === undefined
      ? undefined
      : d.strategy.kind === 'recreate'
        ? { type: 'Recreate' }
        : strip({
          type: 'RollingUpdate',
          rollingUpdate: d.strategy.maxSurge === undefined && d.strategy.maxUnavailable === undefined ? undefined : strip({ maxSurge: d.strategy.maxSurge, maxUnavailable: d.strategy.maxUnavailable }),
        });
  deepStrictEqual(manifest.spec.strategy, strategy, 'spec.strategy');
}

function renderedEnv(e: EnvDesc): Json {
  if ('value' in e) {
    return { name: e.name, value: e.value };
  }
  const { kind, name, key, optional } = e.keyRef;
  return { name: e.name, valueFrom: { [kind === 'ConfigMap' ? 'configMapKeyRef' : 'secretKeyRef']: strip({ name, key, optional }) } };
}

function expectRenderedAsDescribed(pod: PodDesc, metadata: Json, spec: Json): void {
  deepStrictEqual(metadata.labels ?? {}, pod.labels, 'metadata.labels');
  deepStrictEqual(metadata.annotations ?? {}, pod.annotations, 'metadata.annotations');
  deepStrictEqual(spec.nodeSelector ?? {}, pod.nodeSelector, 'spec.nodeSelector');
  deepStrictEqual(spec.restartPolicy, pod.restartPolicy, 'spec.restartPolicy');
  deepStrictEqual(spec.serviceAccountName, pod.serviceAccountName, 'spec.serviceAccountName');
  deepStrictEqual(spec.securityContext, json(pod.securityContext), 'spec.securityContext');
  deepStrictEqual(spec.tolerations, json(pod.tolerations), 'spec.tolerations');
  renderedContainers(spec.containers, pod.containers, pod, 'spec.containers');
  renderedContainers(spec.initContainers ?? [], pod.initContainers, pod, 'spec.initContainers');
  // Declared volumes first, then those first seen in a mount (init containers first), each once.
  const order = [...pod.declaredVolumes, ...[...pod.initContainers, ...pod.containers].flatMap((c) => c.mounts.map((m) => m.volume))];
  const expected = [...new Set(order)].map((i) => pod.volumes[i].name);
  deepStrictEqual((spec.volumes ?? []).map((v: Json) => v.name), expected, 'spec.volumes');
}

function renderedContainers(rendered: Json[], described: readonly ContainerDesc[], pod: PodDesc, at: string): void {
  deepStrictEqual(rendered.map((c) => c.name), described.map((c) => c.name), `${at} names`);
  described.forEach((c, i) => {
    const r = rendered[i];
    const where = `${at}[${i}]`;
    deepStrictEqual(r.image, c.image, `${where}.image`);
    deepStrictEqual(r.imagePullPolicy, c.imagePullPolicy, `${where}.imagePullPolicy`);
    deepStrictEqual(r.ports ?? [], c.ports.map((p) => strip({ containerPort: p.containerPort, name: p.name, protocol: p.protocol })), `${where}.ports`);
    deepStrictEqual(r.env ?? [], c.env.map(renderedEnv), `${where}.env`);
    deepStrictEqual(
      r.volumeMounts ?? [],
      c.mounts.map((m) => strip({ name: pod.volumes[m.volume].name, mountPath: m.path, readOnly: m.readOnly, subPath: m.subPath })),
      `${where}.volumeMounts`,
    );
    deepStrictEqual(r.resources, c.resources, `${where}.resources`);
    deepStrictEqual(r.securityContext, json(c.securityContext), `${where}.securityContext`);
  });
}

// Generated records may lack a prototype; the manifest's objects never do.
function json<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

function strip<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

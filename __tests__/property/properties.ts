/**
 * The properties, shared by the bounded run in `npm test` and the long run
 * of `npm run fuzz`. Checks throw plain errors (node's assert), so they run
 * outside jest too.
 */
import { deepStrictEqual } from 'assert';
import fc from 'fast-check';
import { checkManifest, formatSchemaProblem, manifestLabel } from '../../lib/schema';
import { GENERATED_KINDS, GeneratedKind, programDesc } from './arbitraries';
import { synthesize } from './harness';
import { Mutation } from './mutations';
import { ContainerDesc, PodDesc, ProgramDesc } from './program';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const kindOf = (kind: string): GeneratedKind<unknown> => GENERATED_KINDS.find((k) => k.kind === kind)!;

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

/** Valid programs synthesize, every manifest matches the Kubernetes schema, and each Pod is rendered exactly as described. */
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
      deepStrictEqual(outcome.manifests.length, resources.length, 'one manifest per construct');
      for (const resource of resources) {
        const kind = kindOf(resource.kind);
        const rendered = kind.renderedPod(resource.desc, outcome.manifests);
        expectRenderedAsDescribed(kind.podOf(resource.desc), rendered.metadata, rendered.spec);
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

/** A valid program with the mutation applied to one of its Pods (or templates). */
export function mutatedProgram(mutation: Mutation): fc.Arbitrary<ProgramDesc> {
  return programDesc().chain((program) => {
    const targets = program.charts.flatMap((chart, c) =>
      chart.resources.map((r, i) => ({ c, i, kind: r.kind })).filter((t) => !mutation.kinds || mutation.kinds.includes(t.kind)),
    );
    if (targets.length === 0) {
      return fc.constant(program);
    }
    return fc.constantFrom(...targets).chain(({ c, i }) => {
      const resource = program.charts[c].resources[i];
      const kind = kindOf(resource.kind);
      return mutation.mutate(kind.podOf(resource.desc)).map((pod) => ({
        charts: program.charts.map((chart, cc) =>
          cc !== c ? chart : { ...chart, resources: chart.resources.map((r, ii) => (ii !== i ? r : { ...r, desc: kind.withPod(r.desc, pod) })) },
        ),
      }));
    });
  });
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
    deepStrictEqual(r.env ?? [], c.env.map((e) => ({ name: e.name, value: e.value })), `${where}.env`);
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

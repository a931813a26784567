import { Report } from './problem';

/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads manifests as plain JSON */

/**
 * Checks a rendered Pod spec, as it will be written, and records every
 * problem in `report`. `at` is the field path of the spec in its manifest
 * (`spec` for a Pod, `spec.template.spec` for a workload).
 */
export function validatePodSpec(spec: any, at: string, report: Report): void {
  const containers: any[] = spec.containers ?? [];
  const initContainers: any[] = spec.initContainers ?? [];
  if (containers.length === 0) {
    report.error('pod-has-containers', `${at}.containers`, 'the Pod has no containers', 'add one with the `containers` prop or addContainer()');
  }

  const containerNames = new Map<string, string>();
  const each = [...containers.map((c, i) => [c, `${at}.containers[${i}]`] as const), ...initContainers.map((c, i) => [c, `${at}.initContainers[${i}]`] as const)];
  for (const [container, path] of each) {
    const first = containerNames.get(container.name);
    if (first !== undefined) {
      report.error(
        'container-name-unique',
        `${path}.name`,
        `container name "${container.name}" is already used by ${first}`,
        'give each container and init container of the Pod its own name',
      );
    } else {
      containerNames.set(container.name, path);
    }
  }

  const volumeNames = new Map<string, string>();
  (spec.volumes ?? []).forEach((volume: any, i: number) => {
    const path = `${at}.volumes[${i}]`;
    const first = volumeNames.get(volume.name);
    if (first !== undefined) {
      report.error(
        'volume-name-unique',
        `${path}.name`,
        `volume name "${volume.name}" is already used by ${first}`,
        'give each volume of the Pod its own name, or mount the same Volume object in both containers',
      );
    } else {
      volumeNames.set(volume.name, path);
    }
  });
}

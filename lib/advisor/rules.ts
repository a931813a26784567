import { defineRules, fixNaming } from '../validation/rules';

/** The tutorial's three questions for one container per Pod or several, quoted in the advice. */
export const TUTORIAL_QUESTIONS = {
  lifecycle: 'tutorial question 1: do the containers share a lifecycle? Would one still mean anything once the other stopped?',
  scaling: 'tutorial question 2: do they have the same scaling needs?',
  packing: 'tutorial question 3: does the Pod pack well onto nodes? A big Pod needs a big free slot; smaller Pods fill the gaps',
} as const;

/** The rules of the design advisor and the scheduling preview. */
export const ADVISOR_RULES = defineRules([
  {
    id: 'one-container-per-pod',
    severity: 'warning',
    summary: 'Every container of a Pod with several is its main container or declares a role that ties it to the main one.',
    why:
      'The containers of a Pod start, stop, scale and move together. A container with no tie to the main one is restarted and rescheduled with it for no reason; Pods come and go often, so one container per Pod is the default.',
    ...fixNaming(
      (container: string, main: string) =>
        `move ${container} to a Pod of its own, the default for containers that do not share a lifecycle; if it lives and dies with ${main}, declare its role: 'sidecar', 'log-collector', 'proxy' or 'init'`,
      ['the container', 'the main container'],
    ),
  },
  {
    id: 'split-by-scaling',
    severity: 'warning',
    summary: "No Pod holds a database, cache or queue (role 'database', or an image such as mysql, postgres, redis or mongo) beside other application containers.",
    why:
      'A web server scales out with its traffic; a database scales differently and with difficulty. In one Pod, each copy of the web server brings another database, and the database cannot grow without the web server.',
    ...fixNaming((container: string) => `run ${container} in a Pod of its own (a StatefulSet for a database) and reach it through a Service`, ['the database']),
  },
  {
    id: 'pod-packs-poorly',
    severity: 'warning',
    summary: 'One copy of a Pod requests no more than half of any node it can run on (the share is configurable).',
    why:
      'A Pod that takes most of a node can only start where that much room is free, and leaves the rest of the node to smaller Pods; Pods sized to fill the gaps use the cluster better.',
    fix: 'Lower the resource requests, or split the Pod into smaller ones that fit the free room nodes have.',
  },
  {
    id: 'pod-fits-no-node',
    severity: 'error',
    summary: 'With a cluster profile configured, every Pod can land on at least one node: node name, nodeSelector, required node affinity, taints and resource requests.',
    why: 'The scheduler places a Pod only on a node that passes all of its filters; a Pod that fits none stays Pending forever.',
    ...fixNaming(
      (changes: string, node: string) => `${changes} so that ${node} takes it, or add a node that takes it to the cluster profile`,
      ['change the nodeSelector, tolerations or requests', 'one node'],
    ),
  },
  {
    id: 'replicas-fit-partly',
    severity: 'warning',
    summary: 'All replicas of a workload fit on the empty nodes of the cluster profile.',
    why: 'Replicas that fit no node stay Pending; the workload never reaches the count it declares.',
    ...fixNaming((field: string, count: string) => `lower the ${field} to ${count}, lower the resource requests, or add nodes to the cluster profile`, ['replicas', 'the count that fits']),
  },
]);


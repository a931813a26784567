import { SchedulingPreview } from '../scheduling';
import { RuleReport } from '../validation/problem';
import { TUTORIAL_QUESTIONS } from './rules';

/** The share of a node above which one copy of a Pod packs poorly: past half a node, no second copy fits beside it. */
export const DEFAULT_PACKING_THRESHOLD = 0.5;

/**
 * The tutorial's third question, as advice recorded in `report`: warns
 * (`pod-packs-poorly`) when one copy of the Pod requests more than
 * `threshold` of every node it can run on, naming the share it takes of each.
 */
export function advisePacking(preview: SchedulingPreview, report: RuleReport, threshold = DEFAULT_PACKING_THRESHOLD): void {
  const fitting = preview.nodes.filter((fit) => fit.fits);
  if (fitting.length === 0 || fitting.some((fit) => !fit.largestShare || fit.largestShare.fraction <= threshold)) {
    return;
  }
  const shares = fitting.map((fit) => `${percent(fit.largestShare!.fraction)} of node ${fit.node} (${fit.largestShare!.amounts})`);
  report.warn(
    'pod-packs-poorly',
    `${preview.at}.containers`,
    `one copy of the Pod requests ${shares.join(', ')}: more than ${percent(threshold)} of any node it can run on (${TUTORIAL_QUESTIONS.packing})`,
  );
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

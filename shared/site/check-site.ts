/** References outside the jobs: queues to hosts, logical names to each other, restore target, log review. */
import { isKnown } from './check-jobs';
import { problem, type SiteProblem } from './problems';
import type { ProfileView } from './view';

export function checkSite(view: ProfileView): SiteProblem[] {
  const out: SiteProblem[] = [];
  for (const { index, value: queue } of view.queues.entries) {
    if (!isKnown(view.hosts, queue.host)) out.push(problem(['queues', index, 'host'], `unknown host "${queue.host}"`));
  }
  if (view.restoreTests && !isKnown(view.hosts, view.restoreTests.target)) out.push(problem(['restoreTests', 'target'], `unknown host "${view.restoreTests.target}"`));
  checkLogicalNameLoops(out, view);
  checkLogReview(out, view);
  return out;
}

/** A translation that comes back to where it started would hang whoever resolves it. */
function checkLogicalNameLoops(out: SiteProblem[], view: ProfileView): void {
  const byName = new Map(view.logicalNames.entries.map((e) => [e.value.name, e] as const));
  const firstComponent = (value: string): string => value.split(':')[0] ?? '';
  for (const { index, value: logical } of view.logicalNames.entries) {
    const chain = [logical.name];
    let lowest = index;
    let next = firstComponent(logical.value);
    for (let entry = byName.get(next); entry && !chain.includes(next); entry = byName.get(next)) {
      chain.push(next);
      lowest = Math.min(lowest, entry.index);
      next = firstComponent(entry.value.value);
    }
    // a loop is reported once, at its first entry
    if (next === logical.name && lowest === index) out.push(problem(['logicalNames', index, 'value'], `translation loops: ${[...chain, next].join(' → ')}`));
  }
}

function checkLogReview(out: SiteProblem[], view: ProfileView): void {
  const review = view.logReview;
  if (!review) return;
  const codes = new Map<string, number>();
  review.severities.forEach((severity, s) => {
    const first = codes.get(severity.code);
    if (first !== undefined) out.push(problem(['logReview', 'severities', s, 'code'], `duplicate severity "${severity.code}" (also logReview.severities[${first}])`));
    else codes.set(severity.code, s);
  });
  review.scanFirst.forEach((code, c) => {
    if (!codes.has(code)) out.push(problem(['logReview', 'scanFirst', c], `severity "${code}" is not in logReview.severities`));
  });
}

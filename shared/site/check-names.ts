/** Names that must be unique: two hosts, queues or jobs of one name make every reference ambiguous. */
import { problem, type SiteProblem } from './problems';
import type { Collection, ProfileView } from './view';

export function checkUniqueNames(view: ProfileView): SiteProblem[] {
  const out: SiteProblem[] = [];
  duplicates(out, view.hosts, 'hosts', 'name', 'host name');
  duplicates(out, view.queues, 'queues', 'name', 'queue name');
  duplicates(out, view.jobs, 'jobs', 'name', 'job name');
  duplicates(out, view.databases, 'databases', 'name', 'database name');
  duplicates(out, view.knownErrors, 'knownErrors', 'id', 'known error id');
  duplicates(out, view.operatorProcedures, 'operatorProcedures', 'id', 'procedure id');

  uniqueBy(
    out,
    view.databases.entries.map((e) => ({ index: e.index, key: e.value.short })),
    (i) => ['databases', i, 'short'],
    (key) => `duplicate short name "${key}"`,
    'databases',
  );
  uniqueBy(
    out,
    view.hosts.entries.map((e) => ({ index: e.index, key: `${e.value.address}:${e.value.port}` })),
    (i) => ['hosts', i, 'port'],
    (key) => `address and port ${key} used twice`,
    'hosts',
  );
  uniqueBy(
    out,
    view.logicalNames.entries.map((e) => ({ index: e.index, key: `${e.value.name} in ${e.value.table}` })),
    (i) => ['logicalNames', i, 'name'],
    (key) => `duplicate logical name ${key}`,
    'logicalNames',
  );
  const messages = view.knownErrors.entries.flatMap((e) => e.value.messages.map((code, m) => ({ index: e.index, m, code })));
  const firstOwner = new Map<string, number>();
  for (const { index, m, code } of messages) {
    const owner = firstOwner.get(code);
    if (owner === undefined) firstOwner.set(code, index);
    else if (owner !== index) out.push(problem(['knownErrors', index, 'messages', m], `${code} is already explained by knownErrors[${owner}]`));
  }
  return out;
}

function duplicates<T>(out: SiteProblem[], collection: Collection<T>, list: string, key: string, what: string): void {
  if (!collection.names) return;
  for (const [name, indices] of collection.names) {
    const [first, ...rest] = indices;
    for (const index of rest) out.push(problem([list, index, key], `duplicate ${what} "${name}" (also ${list}[${first}])`));
  }
}

function uniqueBy(
  out: SiteProblem[],
  items: { index: number; key: string }[],
  pathOf: (index: number) => (string | number)[],
  messageOf: (key: string) => string,
  list: string,
): void {
  const seen = new Map<string, number>();
  for (const { index, key } of items) {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else out.push(problem(pathOf(index), `${messageOf(key)} (also ${list}[${first}])`));
  }
}

/**
 * Whether a submission whose fate is unknown (the link dropped while SUBMIT was in flight) is in
 * a queue: the answer to a SHOW QUEUE/BATCH/ALL_JOBS, read with the show-queue parser.
 *
 * Only a listing that was read whole and shows the queues can prove a job absent: silence, a
 * refusal or an unreadable line leaves the question open, and the submission is not sent again.
 *
 * Even a whole listing proves a job absent only if a job that has already run would still be in
 * it. On OpenVMS a finished job leaves the queue unless it is retained: by its own SUBMIT /RETAIN
 * (ALWAYS, or UNTIL a time not yet reached), or by the queue's /RETAIN (ALL; ERROR keeps only the
 * jobs that fail). When neither keeps it, "not listed" may mean "ran and left": the job is not
 * sent again, and the operator is told to look at its log and the accounting records.
 */
import { keepsEveryEnd, type RetentionAsked } from '../../shared/vms/dcl/retention';
import type { QueueEntry } from '../../shared/vms/parsers/entry-table';
import { parseShowQueue, type QueueInfo } from '../../shared/vms/parsers/show-queue';
import { isSuccess } from './shell-framing';

export type SubmissionCheck =
  | { kind: 'found'; entry: number; queue: string; state: QueueEntry['status']['state'] }
  | { kind: 'absent' }
  /** Not listed, but nothing would have kept it listed had it already run. */
  | { kind: 'may-have-finished'; reason: string }
  | { kind: 'unsure'; reason: string };

export interface QueueListingAnswer {
  output: string;
  status: number;
  statusHex: string;
}

/**
 * `expectQueue`: the queue the SUBMIT went to. When given, a listing that does not show that
 * queue cannot prove anything (the job may have moved on from a generic queue, but the queue
 * itself is still listed). `retention`: what the SUBMIT's own /RETAIN asked (./retention,
 * `retentionAsked`); without one that keeps every finished entry, only the queue's /RETAIN=ALL,
 * read from a /FULL listing, lets absence prove anything.
 */
export function checkSubmission(answer: QueueListingAnswer, submissionName: string, expectQueue?: string, retention: RetentionAsked = 'none'): SubmissionCheck {
  if (!isSuccess(answer.status)) {
    return { kind: 'unsure', reason: `the queue listing ended with ${answer.statusHex}` };
  }
  const parsed = parseShowQueue(answer.output);
  if (!parsed.ok) {
    return { kind: 'unsure', reason: `line ${parsed.error.line} of the queue listing could not be read (expected ${parsed.error.expected})` };
  }
  if (parsed.refused) {
    const first = parsed.refusal.messages[0];
    return {
      kind: 'unsure',
      reason: `the host answered ${first === undefined ? 'with messages only' : `%${first.facility ?? ''}-${first.severity ?? ''}-${first.ident ?? ''}`}`,
    };
  }
  const { queues } = parsed.value;
  if (queues.length === 0) return { kind: 'unsure', reason: 'the queue listing was empty' };
  for (const queue of queues) {
    const entry = queue.entries.find((e) => e.jobName.toUpperCase() === submissionName.toUpperCase());
    if (entry !== undefined) return { kind: 'found', entry: entry.entry, queue: entry.queue ?? queue.name, state: entry.status.state };
  }
  const expected = expectQueue === undefined ? undefined : queues.find((q) => q.name === expectQueue.toUpperCase());
  if (expectQueue !== undefined && expected === undefined) {
    return { kind: 'unsure', reason: `the queue listing does not show ${expectQueue.toUpperCase()}` };
  }
  if (keepsEveryEnd(retention)) return { kind: 'absent' };
  const unkept = whyNotKept(expected, retention);
  return unkept === null ? { kind: 'absent' } : { kind: 'may-have-finished', reason: unkept };
}

/** Why a finished job might not be listed, or null when the queue keeps every finished job. */
function whyNotKept(queue: QueueInfo | undefined, retention: RetentionAsked): string | null {
  const own = retention === 'none' ? 'the SUBMIT asked for no /RETAIN' : `the SUBMIT asked for /RETAIN=${retention.toUpperCase()}`;
  if (queue === undefined) return `${own} and the queue it went to was not named, so whether that queue keeps finished jobs is unknown`;
  // /FULL prints a queue's attribute line (/BASE_PRIORITY, /OWNER ...); the brief listing does not
  if (queue.qualifiers.length === 0) return `${own} and the listing does not show whether ${queue.name} keeps finished jobs (no /FULL)`;
  const kept = queue.retain?.toUpperCase() ?? null;
  if (kept !== null && /\bALL\b/u.test(kept)) return null;
  if (kept !== null && /\bERROR\b/u.test(kept)) return `${own} and ${queue.name} keeps only the jobs that fail (/RETAIN=ERROR): a job that ended well leaves it`;
  return `${own} and ${queue.name} keeps no finished job (no /RETAIN): a job that has run leaves it`;
}

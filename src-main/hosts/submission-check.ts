/**
 * Whether a submission whose fate is unknown (the link dropped while SUBMIT was in flight) is in
 * a queue: the answer to a SHOW QUEUE/BATCH/ALL_JOBS, read with the show-queue parser.
 *
 * Only a listing that was read whole and shows the queues can prove a job absent: silence, a
 * refusal or an unreadable line leaves the question open, and the submission is not sent again.
 */
import type { QueueEntry } from '../../shared/vms/parsers/entry-table';
import { parseShowQueue } from '../../shared/vms/parsers/show-queue';
import { isSuccess } from './shell-framing';

export type SubmissionCheck =
  | { kind: 'found'; entry: number; queue: string; state: QueueEntry['status']['state'] }
  | { kind: 'absent' }
  | { kind: 'unsure'; reason: string };

export interface QueueListingAnswer {
  output: string;
  status: number;
  statusHex: string;
}

/**
 * `expectQueue`: the queue the SUBMIT went to. When given, a listing that does not show that
 * queue cannot prove anything (the job may have moved on from a generic queue, but the queue
 * itself is still listed).
 */
export function checkSubmission(answer: QueueListingAnswer, submissionName: string, expectQueue?: string): SubmissionCheck {
  if (!isSuccess(answer.status)) {
    return { kind: 'unsure', reason: `the queue listing ended with ${answer.statusHex}` };
  }
  const parsed = parseShowQueue(answer.output);
  if (!parsed.ok) {
    return { kind: 'unsure', reason: `line ${parsed.error.line} of the queue listing could not be read (expected ${parsed.error.expected})` };
  }
  if (parsed.refused) {
    const first = parsed.refusal.messages[0];
    return { kind: 'unsure', reason: `the host answered ${first === undefined ? 'with messages only' : `%${first.facility ?? ''}-${first.severity ?? ''}-${first.ident ?? ''}`}` };
  }
  const { queues } = parsed.value;
  if (queues.length === 0) return { kind: 'unsure', reason: 'the queue listing was empty' };
  for (const queue of queues) {
    const entry = queue.entries.find((e) => e.jobName.toUpperCase() === submissionName.toUpperCase());
    if (entry !== undefined) return { kind: 'found', entry: entry.entry, queue: entry.queue ?? queue.name, state: entry.status.state };
  }
  if (expectQueue !== undefined && !queues.some((q) => q.name === expectQueue.toUpperCase())) {
    return { kind: 'unsure', reason: `the queue listing does not show ${expectQueue.toUpperCase()}` };
  }
  return { kind: 'absent' };
}

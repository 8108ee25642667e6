/**
 * Submit safety (DESIGN rule 5): a SUBMIT is never repeated blindly after a dropped connection.
 * When the link drops while a SUBMIT is in flight, the queue manager is asked whether an entry
 * with the submission's unique /NAME exists, and the SUBMIT is sent again only if it does not and
 * would still be listed had it already run (its own /RETAIN, or the queue's: ./submission-check).
 */
import type { DclCommand } from '../../shared/vms/dcl/command-line';
import { showQueue } from '../../shared/vms/dcl/queue-commands';
import { keepsEveryEnd, retentionAsked, type RetentionAsked } from '../../shared/vms/dcl/retention';
import { parseSubmit, type SubmitConfirmation } from '../../shared/vms/parsers/submit';
import { HostLinkError, isHostLinkError } from './host-link-error';
import type { HostLink, RunResult } from './host-link';
import { isSuccess } from './shell-framing';
import { checkSubmission, type SubmissionCheck } from './submission-check';

/** What submitOnce needs of a link. */
export type SubmitLink = Pick<HostLink, 'run' | 'isUnsure' | 'resolveSubmission' | 'whenConnected'>;

export interface SubmitOnceOptions {
  /** The queue the SUBMIT goes to: its absence from the listing leaves the question open. */
  queue?: string;
  /**
   * The listing to ask; by default SHOW QUEUE/BATCH/ALL_JOBS (every batch queue, every user),
   * with /FULL when the SUBMIT's own /RETAIN does not keep a finished entry, so that the queue's
   * /RETAIN can be read.
   */
  listQueues?: DclCommand;
  /** How long to wait for the link to come back before handing the question to the operator. */
  reconnectWaitMs?: number;
  /** SUBMITs sent at most, counting the first (each further one only after a proven absence). */
  maxSends?: number;
  timeoutMs?: number;
}

export type SubmitOutcome =
  | {
      kind: 'submitted';
      result: RunResult;
      /** The confirmation read, or null with the reason when it could not be read. */
      confirmation: SubmitConfirmation | null;
      unreadable?: string;
      /** How many times the SUBMIT was sent (more than 1 only after the queue proved it absent). */
      sends: number;
    }
  | { kind: 'already-in-queue'; entry: number; queue: string; sends: number }
  /** The host answered the SUBMIT with an error status: nothing was queued. */
  | { kind: 'refused'; result: RunResult; sends: number };

export async function submitOnce(link: SubmitLink, submit: DclCommand, submissionName: string, options: SubmitOnceOptions = {}): Promise<SubmitOutcome> {
  if (!carriesName(submit.command, submissionName)) {
    throw new RangeError(`the SUBMIT does not carry /NAME=${submissionName}, so the queue could not be asked about it`);
  }
  const maxSends = options.maxSends ?? 3;
  const retention = retentionAsked(submit.command);
  let sends = 0;
  for (;;) {
    if (!link.isUnsure(submissionName)) {
      if (sends >= maxSends) {
        throw new HostLinkError('unsure-if-submitted', `${submissionName} was sent ${sends} times without an answer; ask the queue before trying again`, {
          submissionName,
        });
      }
      sends++;
      try {
        const result = await link.run({ dcl: submit, mutates: true, submissionName }, options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs });
        return confirmed(result, sends);
      } catch (error) {
        if (!isHostLinkError(error, 'unsure-if-submitted')) throw error;
      }
    }
    const check = await askQueue(link, submissionName, retention, options);
    const decision = decideAfterCheck(check);
    if (decision.kind === 'ask-operator') {
      throw new HostLinkError('unsure-if-submitted', `whether ${submissionName} reached the queue is still unknown: ${decision.reason}`, {
        submissionName,
        mayHaveRun: true,
      });
    }
    if (decision.kind === 'check-log') {
      throw new HostLinkError(
        'unsure-if-submitted',
        `${submissionName} is not in the queue, but that does not prove it never arrived: ${decision.reason}. ` +
          `It may have run already: look for its log (${logFileOf(submit.command, submissionName)}) and for its record in the accounting file before sending it again.`,
        { submissionName, mayHaveRun: true },
      );
    }
    link.resolveSubmission(submissionName, decision.kind === 'already-in-queue');
    if (decision.kind === 'already-in-queue') return { kind: 'already-in-queue', entry: decision.entry, queue: decision.queue, sends };
    // proven absent: the loop sends it again
  }
}

export type AfterCheck =
  | { kind: 'already-in-queue'; entry: number; queue: string }
  | { kind: 'send-again' }
  | { kind: 'ask-operator'; reason: string }
  /** Not listed, but it may have run and left the queue: its log and accounting tell. */
  | { kind: 'check-log'; reason: string };

/** The rule itself: send again only when the queue proved the job absent. */
export function decideAfterCheck(check: SubmissionCheck): AfterCheck {
  switch (check.kind) {
    case 'found':
      return { kind: 'already-in-queue', entry: check.entry, queue: check.queue };
    case 'absent':
      return { kind: 'send-again' };
    case 'may-have-finished':
      return { kind: 'check-log', reason: check.reason };
    case 'unsure':
      return { kind: 'ask-operator', reason: check.reason };
  }
}

async function askQueue(link: SubmitLink, submissionName: string, retention: RetentionAsked, options: SubmitOnceOptions): Promise<SubmissionCheck> {
  try {
    await link.whenConnected(options.reconnectWaitMs ?? 120_000);
    const listing = await link.run(
      { dcl: options.listQueues ?? showQueue({ batch: true, all: true, full: !keepsEveryEnd(retention) }), mutates: false },
      options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
    );
    return checkSubmission(listing, submissionName, options.queue, retention);
  } catch (error) {
    return { kind: 'unsure', reason: error instanceof Error ? error.message : String(error) };
  }
}

function confirmed(result: RunResult, sends: number): SubmitOutcome {
  if (!isSuccess(result.status)) return { kind: 'refused', result, sends };
  const parsed = parseSubmit(result.output);
  if (parsed.ok && !parsed.refused) return { kind: 'submitted', result, confirmation: parsed.value, sends };
  const unreadable = !parsed.ok ? `line ${parsed.error.line}: expected ${parsed.error.expected}` : 'the host printed only messages';
  return { kind: 'submitted', result, confirmation: null, unreadable, sends };
}

/** Where the job's log goes: its /LOG_FILE, or the job name's .LOG in the login directory. */
function logFileOf(command: string, name: string): string {
  const given = /\/LOG_FILE=(\S+?)(?=\/|\s|$)/u.exec(command)?.[1];
  if (given === undefined) return `SYS$LOGIN:${name}.LOG of ${/\/USER=([A-Z0-9$_]+)/u.exec(command)?.[1] ?? 'the user it runs as'}`;
  return /[\]:]$/u.test(given) ? `${given}${name}.LOG` : given;
}

function carriesName(command: string, name: string): boolean {
  return new RegExp(`/NAME=${name.replace(/\$/g, '\\$')}(?=[/ ]|$)`).test(command);
}

/**
 * A job's state for the screen, from its queue entry (SHOW QUEUE/FULL/ALL_JOBS) and its log.
 *
 * The queue entry says where the job is; once it has run, the log says how it went: the plan's
 * procedures run under SET NOON, so a job whose commands failed goes on and ends with the status
 * of its last command, which is often a SUBMIT's success. "Retained on completion" with E or F
 * messages in the log is therefore "completed with errors", not "completed".
 *
 * The plan's queues keep no finished entry, so a job that has ended usually has none: then the
 * log's trailer says it ended, and the status it exited with is that of the command it ended on
 * (E or F there: failed). A log without a trailer and no entry is read as still executing: the
 * queue may show the job gone a poll before its last lines are read.
 */
import { counted } from '../plural';
import { messageCode, type VmsMessage } from '../vms/messages';
import type { EntryStatus } from '../vms/parsers/entry-status';
import type { JobProgress } from './job-progress';

export type JobState = 'waiting' | 'pending' | 'holding' | 'executing' | 'completed' | 'completed-with-errors' | 'failed';

export interface JobStateView {
  state: JobState;
  /** Why, in plain words. */
  reason: string;
}

/** What the console knows of the job's queue entry: a parsed SHOW QUEUE entry fits. */
export interface EntryReading {
  status: EntryStatus;
  statusMessages?: readonly VmsMessage[];
}

function severeInLog(progress: JobProgress): string {
  return `its log holds ${counted(progress.severeCount, 'E or F message')}`;
}

function messagesText(messages: readonly VmsMessage[] | undefined): string {
  const first = messages?.[0];
  if (first === undefined) return '';
  return `: %${messageCode(first)}${first.text === null ? '' : `, ${first.text}`}`;
}

/** Completed, with errors, or failed: what a log that has reached its trailer says. */
function fromLog(progress: JobProgress, entryText: string | null): JobStateView {
  const ending = progress.endingCommand;
  const by = entryText === null ? 'the queue no longer shows the job' : `the queue shows "${entryText}"`;
  if (ending !== null && (ending.worst === 'E' || ending.worst === 'F')) {
    return { state: 'failed', reason: `${by}; the log's trailer is in and it ended on a command that failed (line ${ending.line})` };
  }
  if (progress.severeCount > 0) return { state: 'completed-with-errors', reason: `${by}; it ended in success but ${severeInLog(progress)}` };
  return { state: 'completed', reason: `${by}; its log ended without E or F messages` };
}

function isRunning(progress: JobProgress | null): progress is JobProgress {
  return progress !== null && progress.lastLine > 0;
}

/** The job's state from its queue entry (null: none in the queue) and its log's progress (null: no log read). */
export function jobState(entry: EntryReading | null, progress: JobProgress | null): JobStateView {
  if (entry === null) {
    if (!isRunning(progress)) return { state: 'waiting', reason: 'not yet submitted: no queue entry and no log' };
    if (progress.ended !== null) return fromLog(progress, null);
    return { state: 'executing', reason: 'the queue no longer shows the job, and its log has not reached the accounting trailer yet' };
  }
  const { state, text } = entry.status;
  switch (state) {
    case 'pending':
      return { state: 'pending', reason: `the queue shows "${text}"` };
    case 'holding':
    case 'holding-until':
      return { state: 'holding', reason: `the queue shows "${text}"` };
    case 'executing':
    case 'starting':
    case 'aborting':
    case 'stalled':
    case 'suspended':
      // a log read after the job ended may be ahead of the queue reading
      if (isRunning(progress) && progress.ended !== null) return fromLog(progress, text);
      return { state: 'executing', reason: `the queue shows "${text}"` };
    case 'retained-on-error':
      return { state: 'failed', reason: `the queue shows "${text}"${messagesText(entry.statusMessages)}` };
    case 'retained-on-completion':
      if (isRunning(progress) && progress.severeCount > 0) {
        return { state: 'completed-with-errors', reason: `the queue shows "${text}", but ${severeInLog(progress)}` };
      }
      return { state: 'completed', reason: `the queue shows "${text}"` };
    default:
      // "Retained" alone, or a word this console does not know: the log decides once it has ended
      if (isRunning(progress) && progress.ended !== null) return fromLog(progress, text);
      return { state: isRunning(progress) ? 'executing' : 'pending', reason: `the queue shows "${text}"` };
  }
}

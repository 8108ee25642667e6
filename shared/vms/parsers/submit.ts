/**
 * What SUBMIT answers when it queues a job:
 *
 *     Job NIGHTLY_SAVE (queue TAPE_QUEUE, entry 412) started on TAPE_QUEUE
 *     Job DB_BACKUP_DOCUMENTS (queue DISK_QUEUE, entry 395) holding until 25-NOV-2026 12:00
 *     Job MONTH_END_ARCHIVE_TO_TAPE (queue TAPE_QUEUE, entry 418) pending
 *     Job UPDATE (queue SYS$BATCH entry 1080) started on BOSTON_BATCH      (older form, no comma)
 *
 * The entry number is what the console keeps: it is how it later asks the queue manager about the
 * job instead of submitting again. `%SUBMIT-F-CREJOB` with `-JBC-E-NOSUCHQUE` is the host saying no.
 */
import type { VmsMessage } from '../messages';
import { toCount } from './entry-table';
import { MessageRuns } from './message-runs';
import { runParser, type ParseContext, type ParseResult } from './parse-result';
import { parseVmsTime, type VmsTime } from './vms-time';

export type SubmitState = 'started' | 'pending' | 'holding' | 'holding-until';

export interface SubmitConfirmation {
  jobName: string;
  /** The queue the job was submitted to (a generic queue, perhaps). */
  queue: string;
  entry: number;
  state: SubmitState;
  /** For 'started': the execution queue it started on. */
  startedOn: string | null;
  /** For 'holding-until'. */
  holdingUntil: VmsTime | null;
  /** 'older' for "(queue Q entry N)" without the comma. */
  form: 'current' | 'older';
  /** Messages printed with the confirmation. */
  messages: VmsMessage[];
  line: number;
}

const EXAMPLE = '"Job NIGHTLY_SAVE (queue TAPE_QUEUE, entry 412) started on TAPE_QUEUE"';
const CONFIRMATION = /^Job\s+(\S+)\s+\(queue\s+([A-Za-z0-9$_]+)(,?)\s+entry\s+(\d+)\)\s+(.*)$/i;

function readState(context: ParseContext, index: number, text: string): { state: SubmitState; startedOn: string | null; holdingUntil: VmsTime | null } {
  const started = /^started\s+on\s+(?:queue\s+)?([A-Za-z0-9$_]+)$/i.exec(text);
  if (started !== null) return { state: 'started', startedOn: (started[1] ?? '').toUpperCase(), holdingUntil: null };
  if (/^pending$/i.test(text)) return { state: 'pending', startedOn: null, holdingUntil: null };
  if (/^holding$/i.test(text)) return { state: 'holding', startedOn: null, holdingUntil: null };
  const until = /^holding\s+until\s+(.+)$/i.exec(text);
  if (until !== null) {
    const time = parseVmsTime(until[1] ?? '');
    if (time === null) context.fail(index, 'a release time after "holding until", such as 25-NOV-2026 12:00');
    return { state: 'holding-until', startedOn: null, holdingUntil: time };
  }
  return context.fail(index, '"started on QUEUE", "pending", "holding" or "holding until TIME" after the entry number');
}

function readConfirmation(context: ParseContext): SubmitConfirmation {
  const runs = new MessageRuns(context);
  let confirmation: Omit<SubmitConfirmation, 'messages'> | null = null;
  let index = 0;
  while ((index = runs.nextContent(index)) < context.count) {
    const match = CONFIRMATION.exec(context.line(index).trim());
    if (match === null) context.fail(index, `a confirmation such as ${EXAMPLE}`);
    if (confirmation !== null) context.fail(index, 'one confirmation only: SUBMIT queues one job');
    const entry = toCount(match[4]);
    if (entry === null) context.fail(index, 'an entry number of at most 15 digits');
    confirmation = {
      jobName: match[1] ?? '',
      queue: (match[2] ?? '').toUpperCase(),
      entry,
      ...readState(context, index, (match[5] ?? '').trim()),
      form: match[3] === ',' ? 'current' : 'older',
      line: index + 1,
    };
    index += 1;
  }
  if (confirmation === null) return context.fail(0, `a confirmation such as ${EXAMPLE}`);
  return { ...confirmation, messages: runs.messages() };
}

export function parseSubmit(output: string): ParseResult<SubmitConfirmation> {
  return runParser(output, {}, readConfirmation);
}

/**
 * SHOW QUEUE and SHOW QUEUE/FULL (with /ALL_JOBS or without), for one queue or several:
 *
 *     Batch queue TAPE_QUEUE, busy, on NODE1::
 *       /BASE_PRIORITY=4 /JOB_LIMIT=1 /OWNER=[SYSTEM] /PROTECTION=(S:M,O:D,G:R,W:S)
 *
 *       Entry  Jobname         Username     Status
 *       -----  -------         --------     ------
 *         412  NIGHTLY_SAVE    NIGHT_BATCH  Executing
 *     ...
 *     Generic batch queue SYS$BATCH
 *       /GENERIC=(DISK_QUEUE,TAPE_QUEUE) /OWNER=[SYSTEM] /PROTECTION=(S:M,O:D,G:R,W:S)
 *
 * A queue header is followed by its /FULL attribute lines (a qualifier list that may wrap onto
 * more lines), then the entry table when the queue holds entries. `%JBC-E-NOSUCHQUE, no such
 * queue` alone is the host saying no.
 */
import type { VmsMessage } from '../messages';
import { isEntryTableHeader, readEntryTable, type QueueEntry } from './entry-table';
import { indentOf, isBlank } from './lines';
import { MessageRuns } from './message-runs';
import { runParser, type ParseContext, type ParseResult } from './parse-result';
import { qualifierNumber, qualifierText, splitQualifiers, splitValueList, type Qualifier } from './qualifiers';

export type QueueKind = 'batch' | 'printer' | 'server' | 'terminal' | 'output' | 'logical';

export interface QueueInfo {
  name: string;
  kind: QueueKind;
  generic: boolean;
  /** As printed, lower case: "idle", "available", "busy", "stopped", "paused" ... */
  states: string[];
  /** "NODE1" from "on NODE1::". */
  node: string | null;
  /** The device after the node, for output queues: "LPA0" from "on NODE1::LPA0". */
  device: string | null;
  /** Parts of the header this parser does not name, such as "mounted form DEFAULT". */
  otherHeaderParts: string[];
  /** The /FULL attribute lines. */
  qualifiers: Qualifier[];
  basePriority: number | null;
  jobLimit: number | null;
  owner: string | null;
  protection: string | null;
  /** For a generic queue: the execution queues it feeds. */
  genericTargets: string[];
  retain: string | null;
  /** The queue's /DESCRIPTION, printed under its header in angle brackets. */
  description: string | null;
  /** Lines under the header this parser does not read (an ACL, say), kept and warned about. */
  otherLines: string[];
  entries: QueueEntry[];
  line: number;
}

export interface QueueListing {
  queues: QueueInfo[];
  /** Messages printed among the queues, with their line numbers. */
  messages: VmsMessage[];
}

const HEADER_EXAMPLE = '"Batch queue TAPE_QUEUE, idle, on NODE1::"';
const ATTRIBUTE_LINE = /^\s+(?:\/|\S.*\s\/)/;
const QUEUE_HEADER = /^(Generic\s+)?(Batch|Printer|Server|Terminal|Output|Logical)\s+queue\s+([A-Za-z0-9$_]+)(.*)$/i;

/** What the header line says of a queue. */
type QueueHeader = Pick<QueueInfo, 'name' | 'kind' | 'generic' | 'states' | 'node' | 'device' | 'otherHeaderParts' | 'line'>;

function readHeader(line: string, index: number): QueueHeader | null {
  const match = QUEUE_HEADER.exec(line);
  if (match === null) return null;
  const queue: QueueHeader = {
    name: (match[3] ?? '').toUpperCase(),
    kind: (match[2] ?? 'batch').toLowerCase() as QueueKind,
    generic: match[1] !== undefined,
    states: [],
    node: null,
    device: null,
    otherHeaderParts: [],
    line: index + 1,
  };
  // ", idle, on NODE1::" -- older displays omit the comma before "on".
  const rest = (match[4] ?? '').replace(/^,/, '').trim();
  if (rest === '') return queue;
  if (!/^[,\s]/.test(match[4] ?? '')) return null;
  for (const part of rest
    .split(',')
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')) {
    const on = /^on\s+([A-Za-z0-9$_]+)::(\S*)$/i.exec(part);
    if (on !== null) {
      queue.node = (on[1] ?? '').toUpperCase();
      queue.device = on[2] === undefined || on[2] === '' ? null : on[2].replace(/:$/, '');
    } else if (/^[a-z]+(?: [a-z]+)?$/i.test(part) && !/^mounted\b/i.test(part)) {
      queue.states.push(part.toLowerCase());
    } else {
      queue.otherHeaderParts.push(part);
    }
  }
  return queue;
}

/** What the lines between the header and the entry table say beyond the qualifiers. */
interface QueueExtras {
  description: string | null;
  otherLines: string[];
}

function withAttributes(header: QueueHeader, qualifiers: Qualifier[], extras: QueueExtras, entries: QueueEntry[]): QueueInfo {
  const generic = qualifierText(qualifiers, 'GENERIC');
  return {
    ...header,
    qualifiers,
    basePriority: qualifierNumber(qualifiers, 'BASE_PRIORITY'),
    jobLimit: qualifierNumber(qualifiers, 'JOB_LIMIT'),
    owner: qualifierText(qualifiers, 'OWNER'),
    protection: qualifierText(qualifiers, 'PROTECTION'),
    genericTargets: generic === null ? [] : splitValueList(generic).filter((name) => name !== ''),
    retain: qualifierText(qualifiers, 'RETAIN'),
    ...extras,
    entries,
  };
}

function readQueues(context: ParseContext): QueueListing {
  const queues: QueueInfo[] = [];
  const runs = new MessageRuns(context);
  let index = 0;
  while ((index = runs.nextContent(index)) < context.count) {
    const line = context.line(index);
    const header = readHeader(line, index);
    if (header === null) context.fail(index, `a queue header such as ${HEADER_EXAMPLE}`);
    index += 1;
    // /FULL attribute lines, indented (four blanks since V5.5, two before), wrapped between
    // qualifiers; a wrapped line may start with a bare word ("Lowercase /OWNER=...") but always
    // holds a qualifier. The /DESCRIPTION line, "<text>", may come first.
    let attributes = '';
    const extras: QueueExtras = { description: null, otherLines: [] };
    while (index < context.count && !isBlank(context.line(index)) && indentOf(context.line(index)) > 0 && !isEntryTableHeader(context.line(index))) {
      const text = context.line(index).trim();
      const description = /^<(.*)>$/.exec(text);
      if (ATTRIBUTE_LINE.test(context.line(index))) attributes += ` ${text}`;
      else if (description !== null && extras.description === null) extras.description = description[1] ?? '';
      else {
        extras.otherLines.push(text);
        context.warn(index, `a line under the header of queue ${header.name} that this console does not read`);
      }
      index += 1;
    }
    let next = index;
    while (next < context.count && isBlank(context.line(next))) next += 1;
    let entries: QueueEntry[] = [];
    if (next < context.count && isEntryTableHeader(context.line(next))) {
      const table = readEntryTable(context, next, header.name);
      entries = table.entries;
      index = table.next;
    } else if (next < context.count && indentOf(context.line(next)) > 0) {
      context.fail(next, 'the entry table ("  Entry  Jobname  Username  Status") or the next queue header');
    }
    queues.push(withAttributes(header, splitQualifiers(attributes), extras, entries));
  }
  const messages = runs.messages();
  if (queues.length === 0 && messages.length === 0) context.fail(0, `a queue header such as ${HEADER_EXAMPLE}`);
  return { queues, messages };
}

export function parseShowQueue(output: string): ParseResult<QueueListing> {
  return runParser(output, {}, readQueues);
}

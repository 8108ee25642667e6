/** What the console asks of a host, in the plan's terms (DESIGN rule 5: one door to a host). */
export { ask, connectedLink, linkTo } from './ask';
export { profileJobOf, wrongUsers } from './batch-users';
export { readDrive, type DriveReading } from './drive';
export { resolveLogical } from './logicals';
export { findEntry, findSubmission, readQueue, readSiteQueues, submitChecked, type CheckedSubmission } from './queues';
export { QUEUE_POLL_MS, watchQueues, type QueueWatch, type QueueWatchOptions } from './queue-watch';
export { readNewLines, type LogLine, type LogRead, type ReadLogOptions } from './logs';

/** The DCL output parsers: one function per command, each returning a ParseResult. */
export {
  parseBatchLog,
  type Accounting,
  type BackupRequest,
  type BatchLog,
  type ListedFile,
  type ListedSaveset,
  type LogLine,
  type LoggedCommand,
  type LoggedMessage,
  type LoggedSubmission,
  type LogTrailer,
  type Notification,
  type OpcomBlock,
  type OperatorPrompt,
  type SavesetListing,
} from './batch-log';
export { parseDirectory, type DirectoryFile, type DirectoryListing, type DirectoryPart, type DirectoryTotal } from './directory';
export type { EntryState, EntryStatus } from './entry-status';
export type { QueueEntry } from './entry-table';
export { INTERNAL_FAULT, type HostRefusal, type ParseError, type ParseResult, type ParseWarning } from './parse-result';
export type { Qualifier } from './qualifiers';
export { parseShowDevice, type DeviceClass, type DeviceInfo, type DeviceListing } from './show-device';
export { parseShowEntry, type EntryListing } from './show-entry';
export { parseShowLogical, type Equivalence, type LogicalListing, type LogicalName } from './show-logical';
export { parseShowQueue, type QueueInfo, type QueueKind, type QueueListing } from './show-queue';
export { parseSubmit, type SubmitConfirmation, type SubmitState } from './submit';
export { parseVmsDelta, parseVmsTime, type VmsDelta, type VmsTime } from './vms-time';

/**
 * The DCL builder: the only code that writes commands for an OpenVMS host (DESIGN rule 5).
 * Validators return `Checked` results; `assert…` variants and command builders throw
 * `DclBuildError`. `trusted` and the line assembler stay inside this folder.
 */
export { attempt, type Checked, DclBuildError, type DclProblem, type DclProblemCode } from './dcl-build-error';
export { COMMAND_LINE_MAX_LENGTH, DCL_VERBS, type DclCommand, type DclVerb } from './command-line';
export {
  assertPrompt,
  assertQuotedValue,
  assertStringValue,
  checkPrompt,
  checkStringValue,
  PROMPT_MAX_LENGTH,
  quoteStringValue,
  STRING_VALUE_MAX_LENGTH,
} from './string-value';
export {
  assertJobName,
  assertLogicalName,
  assertQueueName,
  assertUserName,
  checkJobName,
  checkLogicalName,
  checkQueueName,
  checkUserName,
  JOB_NAME_MAX_LENGTH,
  LOGICAL_NAME_MAX_LENGTH,
  QUEUE_NAME_MAX_LENGTH,
  USER_NAME_MAX_LENGTH,
} from './names';
export { assertDeviceName, assertTapeDevice, checkDeviceName, checkTapeDevice, type DeviceKind, type DeviceName } from './device-name';
export { assertDirectorySpec, assertFileSpec, checkDirectorySpec, checkFileSpec, FILE_SPEC_MAX_LENGTH, type FileSpecOptions } from './file-spec';
export { assertVolumeLabel, checkVolumeLabel, VOLUME_LABEL_MAX_LENGTH, type VolumeMedium } from './volume-label';
export { assertEntryNumber, assertInteger, checkEntryNumber, checkInteger, ENTRY_NUMBER_MAX, type IntegerRange } from './numbers';
export { assertAfterTime, checkAfterTime } from './after-time';
export { assertRetention, checkRetention, CONSOLE_RETENTION, keepsEveryEnd, retentionAsked, type JobRetention, type RetentionAsked } from './retention';
export {
  deleteEntry,
  MAX_PARAMETERS,
  releaseEntry,
  showEntry,
  type ShowEntryOptions,
  showQueue,
  type ShowQueueOptions,
  submit,
  type SubmitOptions,
} from './queue-commands';
export { dismountUnload, initialize, type InitializeOptions, mountForeign, showDevice, type ShowDeviceOptions } from './device-commands';
export { directory, type DirectoryOptions, setDefault, showDefault, type } from './file-commands';
export { setPrompt, setTerminal, type SetTerminalOptions, showLogical, showStatus, showTime, TERMINAL_WIDTH } from './session-commands';
export { checkSubmissionName, submissionName, UNIQUE_PART_LENGTH, uniquePartFrom } from './submission-name';
export { DEFAULT_NAME_PREFIX, jobUser, type JobSubmission, type ProfileJob, submitJob, type SubmitJobOptions } from './submit-job';

/**
 * Unique job names for SUBMIT /NAME.
 *
 * Every submission carries a name no other submission has, such as `TAPEOPS_<JOB>_0K3Z9Q`,
 * so that after a dropped link the console can ask the queue manager (SHOW QUEUE/ALL_JOBS) whether
 * the job arrived, instead of submitting it a second time. The unique part is kept whole; when the
 * name would pass 39 characters it is the prefix that is cut short.
 */
import { type Checked, describeInput, orThrow, refuse } from './dcl-build-error';
import { checkJobName, JOB_NAME_MAX_LENGTH } from './names';

export const UNIQUE_PART_LENGTH = 6;
const UNIQUE_PART_LIMIT = 36 ** UNIQUE_PART_LENGTH;

/**
 * `prefix` + `_` + `uniquePart`, at most 39 characters. The prefix follows the job name rules
 * (upper case); the unique part is a base-36 number of 1 to 12 digits, and since base 36 has no
 * case it is upper-cased here, so `Number.toString(36)` output can be passed as it is.
 */
export function checkSubmissionName(prefix: string, uniquePart: string): Checked<string> {
  const unique = typeof uniquePart === 'string' ? uniquePart.toUpperCase() : uniquePart;
  if (typeof unique !== 'string' || !/^[0-9A-Z]{1,12}$/u.test(unique)) {
    return refuse('bad-syntax', 'uniquePart', `uniquePart ${describeInput(uniquePart)} must be 1 to 12 base-36 digits (0-9, A-Z)`);
  }
  const checkedPrefix = checkJobName(prefix, 'prefix');
  // The prefix may be longer than a job name on its own: it is cut below. Only its characters matter here.
  if (!checkedPrefix.ok && checkedPrefix.problem.code !== 'too-long') return checkedPrefix;
  const room = JOB_NAME_MAX_LENGTH - 1 - unique.length;
  const cut = prefix.slice(0, room).replace(/_+$/u, '');
  if (cut === '') return refuse('bad-syntax', 'prefix', `prefix ${describeInput(prefix)} leaves nothing before the unique part`);
  return checkJobName(`${cut}_${unique}`, 'name');
}

export function submissionName(prefix: string, uniquePart: string): string {
  return orThrow(checkSubmissionName(prefix, uniquePart));
}

/**
 * A whole number from 0 to 36^6 - 1 (the caller draws it, from a random source; shared code has
 * none) written as the 6 base-36 digits of a unique part.
 */
export function uniquePartFrom(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0 || value >= UNIQUE_PART_LIMIT) {
    throw new RangeError(`a unique part is drawn from 0 to ${UNIQUE_PART_LIMIT - 1}, not ${String(value)}`);
  }
  return value.toString(36).toUpperCase().padStart(UNIQUE_PART_LENGTH, '0');
}

/**
 * Queue, job, user and logical names: the names the builder writes without quotes.
 *
 * All four are A–Z, 0–9, `$` and `_`, which DCL passes through unquoted unchanged. Only upper case
 * is accepted (DCL would upper-case an unquoted name anyway; refusing lower case keeps what the
 * console shows identical to what it sends). Lengths are the documented ones:
 * - queue names: 1 to 31 characters, holding at least one letter (INITIALIZE/QUEUE);
 * - job names (SUBMIT /NAME): 1 to 39 characters;
 * - user names: 1 to 12 characters (the UAF);
 * - logical names: 1 to 255 characters. VMS allows more characters in a logical name when it is
 *   quoted; the console never needs them, so it writes only the unquoted kind, with a letter in it.
 */
import { accept, type Checked, describeCharacter, describeInput, firstCharacterNotIn, orThrow, refuse } from './dcl-build-error';

interface NameRule {
  /** What the name is, for messages: `a queue name`. */
  what: string;
  max: number;
  needsLetter: boolean;
}

const NAME_CHARACTER = /[A-Z0-9$_]/u;

function checkName(value: string, field: string, rule: NameRule): Checked<string> {
  const syntax = `${rule.what} is 1 to ${rule.max} characters of A-Z, 0-9, $ and _`;
  if (typeof value !== 'string') return refuse('wrong-type', field, `${field} must be text, not ${describeInput(value)}`);
  if (value.length === 0) return refuse('empty', field, `${field} is empty; ${syntax}`);
  const bad = firstCharacterNotIn(value, /[A-Za-z0-9$_]/u);
  if (bad !== undefined) {
    return refuse('bad-character', field, `${field} ${describeInput(value)} holds ${describeCharacter(bad)}; ${syntax}`);
  }
  if (firstCharacterNotIn(value, NAME_CHARACTER) !== undefined) {
    return refuse('lower-case', field, `${field} ${describeInput(value)} must be written in upper case`);
  }
  if (value.length > rule.max) {
    return refuse('too-long', field, `${field} ${describeInput(value)} is ${value.length} characters long; ${syntax}`);
  }
  if (rule.needsLetter && !/[A-Z]/u.test(value)) {
    return refuse('bad-syntax', field, `${field} ${describeInput(value)} must hold at least one letter`);
  }
  return accept(value);
}

export const QUEUE_NAME_MAX_LENGTH = 31;
export const JOB_NAME_MAX_LENGTH = 39;
export const USER_NAME_MAX_LENGTH = 12;
export const LOGICAL_NAME_MAX_LENGTH = 255;

export function checkQueueName(name: string, field = 'queue'): Checked<string> {
  return checkName(name, field, { what: 'a queue name', max: QUEUE_NAME_MAX_LENGTH, needsLetter: true });
}

export function checkJobName(name: string, field = 'name'): Checked<string> {
  return checkName(name, field, { what: 'a job name', max: JOB_NAME_MAX_LENGTH, needsLetter: false });
}

export function checkUserName(name: string, field = 'user'): Checked<string> {
  return checkName(name, field, { what: 'a user name', max: USER_NAME_MAX_LENGTH, needsLetter: false });
}

export function checkLogicalName(name: string, field = 'logical name'): Checked<string> {
  return checkName(name, field, { what: 'a logical name', max: LOGICAL_NAME_MAX_LENGTH, needsLetter: true });
}

export function assertQueueName(name: string, field = 'queue'): string {
  return orThrow(checkQueueName(name, field));
}

export function assertJobName(name: string, field = 'name'): string {
  return orThrow(checkJobName(name, field));
}

export function assertUserName(name: string, field = 'user'): string {
  return orThrow(checkUserName(name, field));
}

export function assertLogicalName(name: string, field = 'logical name'): string {
  return orThrow(checkLogicalName(name, field));
}

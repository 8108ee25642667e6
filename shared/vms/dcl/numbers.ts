/**
 * Integers written into commands: queue entry numbers and small settings such as a terminal width.
 * Only safe integers are accepted, so that `String(n)` is plain digits (no exponent, no fraction).
 */
import { accept, type Checked, describeInput, orThrow, refuse } from './dcl-build-error';

/** The queue manager's entry numbers run from 1 to 999,999,999 (SHOW ENTRY shows at most nine digits). */
export const ENTRY_NUMBER_MAX = 999_999_999;

export interface IntegerRange {
  min: number;
  max: number;
}

export function checkInteger(value: number, range: IntegerRange, field = 'number'): Checked<number> {
  if (typeof value !== 'number') return refuse('wrong-type', field, `${field} must be a number, not ${describeInput(value)}`);
  if (!Number.isSafeInteger(value)) return refuse('bad-syntax', field, `${field} must be a whole number, not ${String(value)}`);
  if (value < range.min || value > range.max) {
    return refuse('out-of-range', field, `${field} is ${value}; it must be from ${range.min} to ${range.max}`);
  }
  return accept(value);
}

export function assertInteger(value: number, range: IntegerRange, field = 'number'): number {
  return orThrow(checkInteger(value, range, field));
}

export function checkEntryNumber(entry: number, field = 'entry'): Checked<number> {
  return checkInteger(entry, { min: 1, max: ENTRY_NUMBER_MAX }, field);
}

export function assertEntryNumber(entry: number, field = 'entry'): number {
  return orThrow(checkEntryNumber(entry, field));
}

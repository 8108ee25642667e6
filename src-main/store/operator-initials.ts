import { StoreError } from './store-error';

/** Operators sign the daily backup report with their initials; the console uses the same. */
export const INITIALS_PATTERN = /^[A-Z]{2,4}$/;

/** Who may appear in the audit log besides an operator: the console acting on its own. */
export const SYSTEM_ACTOR = 'system';

export function normalizeInitials(raw: string): string {
  const initials = raw.trim().toUpperCase();
  if (!INITIALS_PATTERN.test(initials)) {
    throw new StoreError('invalid-initials', `operator initials must be 2 to 4 letters A-Z, such as "JS" or "MKL" (got ${JSON.stringify(raw)})`);
  }
  return initials;
}

/** Unlike sign-in, an actor is not normalised: a lower-case one here is a programming error. */
export function checkActor(who: string): string {
  if (who !== SYSTEM_ACTOR && !INITIALS_PATTERN.test(who)) {
    throw new StoreError('invalid-who', `an audit record is made by operator initials (2 to 4 letters A-Z) or "${SYSTEM_ACTOR}" (got ${JSON.stringify(who)})`);
  }
  return who;
}

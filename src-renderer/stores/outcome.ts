/** A request's result as the screens use it: the value, or the failure in the operator's words. */
import { shown, type ShownError } from './shown-error';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ShownError };

export async function attempt<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: shown(error) };
  }
}

/** The same, and a value that came back is handed to `apply`: the store follows every answer, events or not. */
export async function attemptApplied<T>(work: () => Promise<T>, apply: (value: T) => void): Promise<Outcome<T>> {
  const outcome = await attempt(work);
  if (outcome.ok) apply(outcome.value);
  return outcome;
}

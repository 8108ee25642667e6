/** A failure as the operator sees it: the message and, when there are several, each problem. */
import { errorMessage, errorProblems } from '../api/api-error';

export interface ShownError {
  message: string;
  problems: string[];
}

export function shown(error: unknown): ShownError {
  return { message: errorMessage(error), problems: errorProblems(error) };
}

import type { ApiError } from '../../shared/errors';

/** A failure answered by main, carried to the screen with its code and details intact. */
export class ConsoleApiError extends Error {
  readonly code: string;
  readonly details: unknown;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ConsoleApiError';
    this.code = error.code;
    this.details = error.details;
  }
}

/** What the operator reads: for input the console refused, the reason itself, not the request's name. */
export function errorMessage(error: unknown): string {
  if (error instanceof ConsoleApiError && error.code === 'invalid-input') {
    const issues = (error.details as { issues?: { message: string }[] } | undefined)?.issues ?? [];
    if (issues.length > 0) {
      const text = issues.map((issue) => issue.message).join('; ');
      return text.charAt(0).toUpperCase() + text.slice(1) + '.';
    }
  }
  return error instanceof Error ? error.message : String(error);
}

/** The problem lines a failure carries (a profile's problems, an input's issues), if any. */
export function errorProblems(error: unknown): string[] {
  if (!(error instanceof ConsoleApiError)) return [];
  const details = error.details as { problems?: unknown } | undefined;
  return Array.isArray(details?.problems) ? details.problems.map(String) : [];
}

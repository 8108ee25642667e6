/**
 * A date or month the operator (or a caller) gave that the calendar cannot read.
 * It carries a code and the input as given, so that the API layer can turn it into an ApiError
 * and the CLI can print the message as it is.
 */
export type CalendarInputProblem = 'malformed-date' | 'malformed-month' | 'bad-month-count';

export class CalendarInputError extends Error {
  constructor(
    readonly code: CalendarInputProblem,
    readonly input: string,
    message: string,
  ) {
    super(message);
    this.name = 'CalendarInputError';
  }
}

/**
 * The one error type the store throws on purpose. The code lets the API layer turn it into a
 * typed error the UI can show; the message is already fit for an operator to read.
 */
export type StoreErrorCode =
  | 'invalid-initials'
  | 'invalid-who'
  | 'invalid-action'
  | 'invalid-details'
  | 'invalid-setting-key'
  | 'invalid-setting-value'
  | 'invalid-query'
  | 'invalid-snapshot'
  | 'invalid-log-place'
  | 'not-a-database'
  | 'cannot-open'
  | 'schema-too-new'
  | 'migration-failed';

export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown; file?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.file = options?.file;
  }

  /** The database file concerned, when the error is about the file itself. */
  readonly file: string | undefined;
}

export function isStoreError(value: unknown, code?: StoreErrorCode): value is StoreError {
  return value instanceof StoreError && (code === undefined || value.code === code);
}

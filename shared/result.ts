/**
 * Errors cross every boundary (IPC, HTTP, CLI) as data, never as thrown objects.
 * Each code has a message in the UI catalogues (renderer/src/i18n), so the UI can say
 * what happened in the user's language; `message` is the English fallback for logs and the CLI.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_call',
  'not_found',
  'no_book_open',
  'book_not_found',
  'book_exists',
  'book_not_feetrail',
  'book_newer_version',
  'book_corrupt',
  'book_locked',
  'file_unreadable',
  'file_unsupported',
  'file_too_large',
  'import_invalid',
  'import_ambiguous',
  'month_closed',
  'cancelled',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type AppError = {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): Result<T> {
  return details === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, details } };
}

/**
 * Thrown inside services for expected failures; the dispatcher turns it into `{ ok: false, error }`.
 * Anything else thrown becomes `internal` with no stack trace shown to the user.
 */
export class FeeTrailError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'FeeTrailError';
    this.code = code;
    this.details = details;
  }

  toAppError(): AppError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isFeeTrailError(e: unknown): e is FeeTrailError {
  return e instanceof FeeTrailError;
}

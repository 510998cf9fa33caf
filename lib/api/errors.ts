// One error shape for every mutation and route (docs/API.md): the data layer throws AppError, the
// route adapter (lib/http/respond.ts) turns it into `{ error: { code, message, fields? } }` + status.
import type { ZodError, ZodType } from 'zod';

export const ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_format: 415,
  invalid: 422,
  too_many_requests: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** Structured detail a client can act on (e.g. the publish gate's list of missing claims). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function fromZodError(error: ZodError, message = 'Some fields need fixing.'): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return new AppError('invalid', message, fields);
}

/** The parsed input, or the 422 AppError naming each field that needs fixing. */
export function parseInput<T>(schema: ZodType<T>, input: unknown, message?: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, message);
  return parsed.data;
}

export type Result<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string> };

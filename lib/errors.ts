import { log } from "@/lib/log";

export type ErrorCode =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable"
  | "internal";

const statusOf: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    public code: ErrorCode,
    message: string,
    public details: { fields?: Record<string, string>; current?: unknown; headers?: Record<string, string>; [k: string]: unknown } = {},
  ) {
    super(message);
  }
  get status() {
    return statusOf[this.code];
  }
}

export const notFound = (what = "Not found") => new AppError("not_found", what);

// Errors from the database driver that mean "PostgreSQL is not there right now".
function isDatabaseUnavailable(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? error) + " " + String((error as { code?: string })?.code ?? "");
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|Can't reach database server|connection error and is not queryable|timeout exceeded when trying to connect|DatabaseNotReachable|P1001|P1017|57P01|57P03|the database system is (starting up|shutting down)|terminating connection/i.test(
    text,
  );
}

export function toErrorBody(error: AppError) {
  const { fields, current, headers: _headers, ...rest } = error.details;
  return {
    error: {
      code: error.code,
      message: error.message,
      // A stable, specific reason for clients to phrase in their language; the code when none is given.
      reason: typeof rest.reason === "string" ? rest.reason : error.code,
      ...(fields ? { fields } : {}),
      ...(current !== undefined ? { current } : {}),
      ...rest,
    },
  };
}

export function toErrorResponse(error: unknown, context: Record<string, unknown> = {}): Response {
  let appError: AppError;
  if (error instanceof AppError) {
    appError = error;
  } else if (isDatabaseUnavailable(error)) {
    log.warn("database unavailable", { ...context, error });
    appError = new AppError("unavailable", "The database is unavailable; try again shortly.");
  } else {
    log.error("unexpected error", { ...context, error });
    appError = new AppError("internal", "Something went wrong on our side.");
  }
  return Response.json(toErrorBody(appError), {
    status: appError.status,
    headers: { ...(appError.details.headers ?? {}), ...(appError.code === "unavailable" ? { "Retry-After": "5" } : {}) },
  });
}

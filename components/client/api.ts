"use client";

/** What the API answers on failure: `{ error: { code, message, reason?, fields?, current?, params? } }`. */
export type ApiErrorBody = {
  error?: {
    code?: string;
    message?: string;
    reason?: string;
    fields?: Record<string, string>;
    current?: unknown;
    params?: Record<string, string | number>;
  };
};

/** A failed answer from the API, typed: its status, the server's code and reason, fields and current state. */
export class ApiError extends Error {
  constructor(public status: number, public body: ApiErrorBody) {
    super(body?.error?.message ?? `HTTP ${status}`);
  }
  get code(): string | undefined {
    return this.body.error?.code;
  }
  get reason(): string | undefined {
    return this.body.error?.reason;
  }
  get fields(): Record<string, string> {
    return this.body.error?.fields ?? {};
  }
  /** The thing's state now, sent with a 409 so the page can show it beside what was typed. */
  get current(): unknown {
    return this.body.error?.current;
  }
  get isConflict(): boolean {
    return this.status === 409;
  }
}

/** The request never got an answer (offline, server down): nothing was changed. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** The browser's side of the API: same-origin, session cookie, JSON in and out. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch (e) {
    throw new NetworkError(e);
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, data);
  return data as T;
}

"use client";

export class ApiError extends Error {
  constructor(public status: number, public body: { error?: { code?: string; message?: string; fields?: Record<string, string>; current?: unknown } }) {
    super(body?.error?.message ?? `HTTP ${status}`);
  }
}

/** The browser's side of the API: same-origin, session cookie, JSON in and out. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, data);
  return data as T;
}

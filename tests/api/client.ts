import { inject } from "vitest";

export const base = inject("appUrl");

export type Answer = { status: number; body: any; headers: Headers };

/** A small HTTP client for the running app, as a given API token. */
export function as(token?: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const res = await fetch(base + path, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined && typeof body !== "string" ? { "Content-Type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: kept as text */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  return {
    get: (p: string, h?: Record<string, string>) => call("GET", p, undefined, h),
    post: (p: string, b?: unknown, h?: Record<string, string>) => call("POST", p, b ?? {}, h),
    put: (p: string, b?: unknown, h?: Record<string, string>) => call("PUT", p, b ?? {}, h),
    patch: (p: string, b?: unknown, h?: Record<string, string>) => call("PATCH", p, b ?? {}, h),
    delete: (p: string) => call("DELETE", p),
    raw: call,
  };
}

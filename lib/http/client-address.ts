/**
 * The caller's address. Behind a proxy it is the last X-Forwarded-For entry: the one the
 * trusted proxy appended (entries before it are whatever the client sent, and could be
 * forged). Set SANAD_TRUST_PROXY=1 only when one trusted proxy sets or appends that header.
 * Unknown (null) without one: Next.js does not expose the socket's address to route handlers.
 */
export function clientAddress(request: Request): string | null {
  if (process.env.SANAD_TRUST_PROXY !== "1") return null;
  return request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim() || request.headers.get("x-real-ip") || null;
}

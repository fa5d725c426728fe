/**
 * The caller's address. Behind a proxy it is the first X-Forwarded-For entry; set
 * SANAD_TRUST_PROXY=1 only when a trusted proxy sets that header, or callers could forge it.
 * Unknown (null) without one: Next.js does not expose the socket's address to route handlers.
 */
export function clientAddress(request: Request): string | null {
  if (process.env.SANAD_TRUST_PROXY !== "1") return null;
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || null;
}

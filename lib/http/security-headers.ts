// The security headers of every answer, in one place: next.config.ts sets them on every path
// (and the API's Content-Security-Policy on /api), lib/http/refuse-methods.ts on the answers it
// gives before Next.js, proxy.ts the pages' policy with its per-answer script nonce.
// No imports: next.config.ts and the proxy both load this file.

/** API answers are JSON: they may load nothing, run nothing, be framed by nothing. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

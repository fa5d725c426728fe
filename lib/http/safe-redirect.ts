// Where to send the browser after sign-in: only somewhere on Sanad's own origin. A string check
// ("starts with / but not //") is not enough: browsers read `/\evil.test`, `/\t/evil.test` and
// `/%5Cevil.test` once decoded as `//evil.test`, another site. So the value is parsed the way
// the browser parses it (the URL standard: backslashes are slashes, tabs and newlines are
// dropped) against our origin, and kept only when the result is still on that origin. Used by
// the login page (server), the login form (browser, against window.location.origin) and
// next-auth's redirect callback. No server-only imports: the browser runs it too.

/** The absolute same-origin URL `value` leads to, or null when it leads anywhere else (or nowhere). */
export function sameOriginUrl(value: unknown, origin: string): string | null {
  if (typeof value !== "string" || value === "") return null;
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(value, base);
  } catch {
    return null;
  }
  if (target.origin !== base.origin || target.username !== "" || target.password !== "") return null;
  return target.href;
}

/**
 * The same, as a path for a relative redirect ("/projects/x?y#z"): what the login page passes to
 * the form. A path the parser normalised to start with "//" would be read as another host, so it
 * is refused too. `fallback` when the value is not a same-origin path.
 */
export function sameOriginPath(value: unknown, origin: string, fallback = "/"): string {
  const href = sameOriginUrl(value, origin);
  if (href === null) return fallback;
  const url = new URL(href);
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? fallback : path;
}

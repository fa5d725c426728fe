import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { clearAccountFailures } from "@/lib/auth/clear-account-failures";
import { recordFailedSignIn } from "@/lib/auth/record-failed-sign-in";
import { signInRetryAfter } from "@/lib/auth/sign-in-retry-after";
import { readSignInForm, withForm } from "@/lib/auth/sign-in-form";
import { clientAddress } from "@/lib/http/client-address";
import { toErrorResponse, AppError } from "@/lib/errors";
import { log } from "@/lib/log";

const nextAuth = NextAuth(authOptions);

/**
 * next-auth answers what it does not support ("This action with HTTP GET is not supported") in
 * plain text; the API answers errors in one JSON shape, so those are rewritten into it.
 */
async function handler(request: Request, context: Context): Promise<Response> {
  const response: Response = await nextAuth(request, context);
  if (response.status < 400 || response.headers.get("content-type")?.includes("json")) return response;
  const said = (await response.text()).replace(/^Error:\s*/, "").trim().slice(0, 300);
  const code = response.status === 404 ? "not_found" : response.status === 405 ? "method_not_allowed" : response.status < 500 ? "invalid_input" : "internal";
  if (code === "internal") log.error("next-auth failed", { path: new URL(request.url).pathname, status: response.status, said });
  return toErrorResponse(new AppError(code, code === "internal" ? "Something went wrong on our side." : said || "Not supported."));
}

type Context = { params: Promise<{ nextauth: string[] }> };

const CREDENTIALS = "callback/credentials";

/**
 * Sign-in attempts go through a limit per account and per address (429 with Retry-After)
 * before next-auth sees them; failures are counted after. The form is read once
 * (lib/auth/sign-in-form.ts) and next-auth gets exactly what the limiter judged.
 */
async function post(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") !== CREDENTIALS) return handler(request, context);
  try {
    const form = await readSignInForm(request);
    const email = form.email ?? "";
    const address = clientAddress(request);
    const wait = await signInRetryAfter(email, address);
    if (wait > 0) {
      throw new AppError("rate_limited", "Too many failed sign-in attempts. Try again later.", { headers: { "Retry-After": String(wait) } });
    }
    const response: Response = await handler(withForm(request, form), context);
    const location = response.headers.get("location") ?? "";
    const body = response.headers.get("content-type")?.includes("json") ? await response.clone().json().catch(() => ({})) : {};
    const failed = response.status === 401 || /[?&]error=/.test(location) || /[?&]error=/.test(String(body?.url ?? ""));
    // Only a session actually issued clears the count: a post that next-auth turned away for
    // another reason (no csrf token) must not reset an attacker's failures.
    const signedIn = response.headers.getSetCookie().some((c) => /^(__Secure-)?next-auth\.session-token=[^;]/.test(c));
    if (failed) await recordFailedSignIn(email, address);
    else if (signedIn) await clearAccountFailures(email);
    return response;
  } catch (e) {
    return toErrorResponse(e, { path: `/api/auth/${CREDENTIALS}` });
  }
}

/** next-auth answers a GET of the credentials callback with a 500 ("not supported"): it is POST only. */
async function get(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === CREDENTIALS) {
    return toErrorResponse(new AppError("method_not_allowed", "Sign in with a POST of the login form.", { headers: { Allow: "POST" } }));
  }
  return handler(request, context);
}

export { get as GET, post as POST };

import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { clearAccountFailures, recordFailedSignIn, signInRetryAfter } from "@/lib/auth/rate-limit";
import { clientAddress } from "@/lib/http/client-address";
import { toErrorResponse, AppError } from "@/lib/errors";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * Sign-in attempts go through a limit per account and per address (429 with Retry-After)
 * before next-auth sees them; failures are counted after.
 */
async function post(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") !== "callback/credentials") return handler(request, context);
  try {
    const form = await request.clone().formData();
    const email = String(form.get("email") ?? "");
    const address = clientAddress(request);
    const wait = await signInRetryAfter(email, address);
    if (wait > 0) {
      throw new AppError("rate_limited", "Too many failed sign-in attempts. Try again later.", { headers: { "Retry-After": String(wait) } });
    }
    const response: Response = await handler(request, context);
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
    return toErrorResponse(e, { path: "/api/auth/callback/credentials" });
  }
}

export { handler as GET, post as POST };

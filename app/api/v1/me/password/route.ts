import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { changePassword } from "@/lib/accounts/change-password";
import { changePasswordSchema } from "@/lib/validation/accounts";
import { recordFailedSignIn } from "@/lib/auth/record-failed-sign-in";
import { signInRetryAfter } from "@/lib/auth/sign-in-retry-after";
import { clientAddress } from "@/lib/http/client-address";
import { AppError } from "@/lib/errors";

// Guessing the current password here is limited like guessing it at sign-in, in the same counts.
export const PUT = route(async (request) => {
  const actor = await requireActor(request);
  const input = await parseBody(request, changePasswordSchema);
  const address = clientAddress(request);
  const wait = await signInRetryAfter(actor.email, address);
  if (wait > 0) throw new AppError("rate_limited", "Too many wrong passwords. Try again later.", { headers: { "Retry-After": String(wait) } });
  try {
    const result = await changePassword({ actor, ...input, keepSessionId: actor.sessionId ?? null });
    return json(result);
  } catch (e) {
    if (e instanceof AppError && e.details.fields?.currentPassword) await recordFailedSignIn(actor.email, address);
    throw e;
  }
});

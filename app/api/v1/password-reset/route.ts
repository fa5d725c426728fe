import { assertSameOrigin } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { completePasswordReset } from "@/lib/accounts/complete-password-reset";
import { completeResetSchema } from "@/lib/validation/accounts";

// Public: the reset token is the credential. A browser posts it from Sanad's own reset page
// only, so a post from another origin is refused like any write made from a browser.
export const POST = route(async (request) => {
  assertSameOrigin(request);
  const { token, password } = await parseBody(request, completeResetSchema);
  return json(await completePasswordReset({ token, password }));
});

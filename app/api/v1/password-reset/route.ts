import { json, parseBody, route } from "@/lib/http/api";
import { completePasswordReset } from "@/lib/accounts/passwords";
import { completeResetSchema } from "@/lib/validation/accounts";

// Public: the reset token is the credential.
export const POST = route(async (request) => {
  const { token, password } = await parseBody(request, completeResetSchema);
  return json(await completePasswordReset({ token, password }));
});

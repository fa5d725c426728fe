import { requireActor } from "@/lib/auth/session";
import { json, route } from "@/lib/http/api";
import { publicBaseUrl } from "@/lib/public-url";
import { issuePasswordReset } from "@/lib/accounts/issue-password-reset";

export const POST = route<{ userId: string }>(async (request, { userId }) => {
  const actor = await requireActor(request);
  return json(await issuePasswordReset({ actor, userId, baseUrl: publicBaseUrl(request) }), 201);
});

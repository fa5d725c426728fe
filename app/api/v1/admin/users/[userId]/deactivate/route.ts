import { requireActor } from "@/lib/auth/session";
import { json, route } from "@/lib/http/api";
import { deactivateUser } from "@/lib/accounts/deactivate-user";

export const POST = route<{ userId: string }>(async (request, { userId }) => {
  const actor = await requireActor(request);
  return json(await deactivateUser({ actor, userId }));
});

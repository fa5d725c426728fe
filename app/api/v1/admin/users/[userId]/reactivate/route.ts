import { requireActor } from "@/lib/auth/session";
import { json, route } from "@/lib/http/api";
import { reactivateUser } from "@/lib/accounts/reactivate-user";

export const POST = route<{ userId: string }>(async (request, { userId }) => {
  const actor = await requireActor(request);
  return json(await reactivateUser({ actor, userId }));
});

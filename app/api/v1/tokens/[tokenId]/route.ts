import { requireActor } from "@/lib/auth/session";
import { json, route } from "@/lib/http/api";
import { revokeToken } from "@/lib/admin/revoke-token";

export const DELETE = route<{ tokenId: string }>(async (request, { tokenId }) => {
  const actor = await requireActor(request);
  return json(await revokeToken({ actor, tokenId }));
});

import { requireActor } from "@/lib/auth/session";
import { json, route } from "@/lib/http/api";
import { removeMember } from "@/lib/admin/remove-member";

export const DELETE = route<{ projectId: string; userId: string }>(async (request, { projectId, userId }) => {
  const actor = await requireActor(request);
  return json(await removeMember({ actor, projectId, userId }));
});

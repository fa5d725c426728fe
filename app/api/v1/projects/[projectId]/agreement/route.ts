import { requireActor } from "@/lib/auth/session";
import { json, route } from "@/lib/http/api";
import { getAgreement } from "@/lib/review/get-agreement";

export const GET = route<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  return json(await getAgreement({ actor, projectId }));
});

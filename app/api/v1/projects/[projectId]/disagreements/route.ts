import { requireActor } from "@/lib/auth/session";
import { json, parseWith, route } from "@/lib/http/api";
import { listDisagreements } from "@/lib/review/list-disagreements";
import { disagreementsQuery } from "@/lib/validation/review";

export const GET = route<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const filters = parseWith(disagreementsQuery, Object.fromEntries(new URL(request.url).searchParams));
  return json(await listDisagreements({ actor, projectId, ...filters }));
});

import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { json, parseWith, route } from "@/lib/http/api";
import { listDisagreements } from "@/lib/review/list-disagreements";
import { idParam, limitParam } from "@/lib/validation/common";

const query = z.object({
  articleId: idParam.optional(),
  reviewerId: idParam.optional(),
  limit: limitParam(500, 100),
});

export const GET = route<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const filters = parseWith(query, Object.fromEntries(new URL(request.url).searchParams));
  return json(await listDisagreements({ actor, projectId, ...filters }));
});

import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { json, parseWith, route } from "@/lib/http/api";
import { listEvents } from "@/lib/events/list-events";

const query = z.object({
  after: z.string().max(20).optional(),
  limit: z.coerce.number("must be a number").int().min(1).max(500).default(100),
  wait: z.coerce.number("must be a number").int().min(0).max(30).default(0),
});

export const GET = route<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const q = parseWith(query, Object.fromEntries(new URL(request.url).searchParams));
  return json(await listEvents({ actor, projectId, ...q, abort: request.signal }));
});

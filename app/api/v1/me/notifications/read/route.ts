import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { markRead } from "@/lib/notifications/mark-read";
import { markReadSchema } from "@/lib/validation/comment";

export const POST = route(async (request) => {
  const actor = await requireActor(request);
  const input = await parseBody(request, markReadSchema);
  return json(await markRead({ actor, ...input }));
});

import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { heartbeat } from "@/lib/presence/heartbeat";
import { listPresence } from "@/lib/presence/list-presence";
import { presenceSchema } from "@/lib/validation/comment";

export const GET = route<{ articleId: string }>(async (request, { articleId }) => json(await listPresence({ actor: await requireActor(request), articleId })));

/** Every ~10 s while the article is open ({"state": "here"}); {"state": "gone"} on leaving. */
export const POST = route<{ articleId: string }>(async (request, { articleId }) => {
  const actor = await requireActor(request);
  const { state } = await parseBody(request, presenceSchema);
  return json(await heartbeat({ actor, articleId, state }));
});

import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { createToken, listTokens } from "@/lib/admin/manage-tokens";
import { createTokenSchema } from "@/lib/validation/admin";

export const GET = route(async (request) => {
  const actor = await requireActor(request);
  return json({ items: await listTokens({ actor }) });
});

export const POST = route(async (request) => {
  const actor = await requireActor(request);
  const { label } = await parseBody(request, createTokenSchema);
  return json(await createToken({ userId: actor.id, label, actorId: actor.id }), 201);
});

import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { createToken } from "@/lib/admin/create-token";
import { listTokens } from "@/lib/admin/list-tokens";
import { createTokenSchema } from "@/lib/validation/admin";
import { requireFreshSecondFactor } from "@/lib/accounts/require-fresh-second-factor";

export const GET = route(async (request) => {
  const actor = await requireActor(request);
  return json({ items: await listTokens({ actor }) });
});

export const POST = route(async (request) => {
  const actor = await requireActor(request);
  requireFreshSecondFactor(actor);
  const { label } = await parseBody(request, createTokenSchema);
  return json(await createToken({ userId: actor.id, label, actor }), 201);
});

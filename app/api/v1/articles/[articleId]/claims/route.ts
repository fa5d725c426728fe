import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { createClaim } from "@/lib/claims/create-claim";
import { createClaimSchema } from "@/lib/validation/claim";

export const POST = route<{ articleId: string }>(async (request, { articleId }) => {
  // The article and the caller's role come with the token's query (createClaim decides).
  const actor = await requireActor(request, { articleId });
  const input = await parseBody(request, createClaimSchema);
  return json(await createClaim({ actor, articleId, input }), 201);
});

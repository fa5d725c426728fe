import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { linkClaims } from "@/lib/claims/link-claims";
import { linkClaimSchema } from "@/lib/validation/claim";

export const POST = route<{ claimId: string }>(async (request, { claimId }) => {
  const actor = await requireActor(request);
  const input = await parseBody(request, linkClaimSchema);
  const { link, created } = await linkClaims({ actor, claimId, ...input });
  return json(link, created ? 201 : 200);
});

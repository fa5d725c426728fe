import { requireActor } from "@/lib/auth/session";
import { json, route } from "@/lib/http/api";
import { findClaimMatches } from "@/lib/search/find-matches";

export const GET = route<{ claimId: string }>(async (request, { claimId }) => {
  const actor = await requireActor(request);
  return json(await findClaimMatches({ actor, claimId }));
});

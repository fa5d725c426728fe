import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { retractClaim } from "@/lib/claims/retract-claim";
import { retractClaimSchema } from "@/lib/validation/claim";

export const POST = route<{ claimId: string }>(async (request, { claimId }) => {
  const actor = await requireActor(request);
  const { reason, version } = await parseBody(request, retractClaimSchema);
  return json(await retractClaim({ actor, claimId, reason, version }));
});

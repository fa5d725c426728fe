import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { getClaimDetail } from "@/lib/claims/get-claim-detail";
import { updateClaim } from "@/lib/claims/update-claim";
import { updateClaimSchema } from "@/lib/validation/claim";

export const GET = route<{ claimId: string }>(async (request, { claimId }) => {
  const actor = await requireActor(request);
  return json(await getClaimDetail({ actor, claimId }));
});

export const PATCH = route<{ claimId: string }>(async (request, { claimId }) => {
  const actor = await requireActor(request);
  const input = await parseBody(request, updateClaimSchema);
  return json(await updateClaim({ actor, claimId, input }));
});

import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { restoreClaim } from "@/lib/claims/restore-claim";
import { restoreClaimSchema } from "@/lib/validation/claim";

export const POST = route<{ claimId: string }>(async (request, { claimId }) => {
  const actor = await requireActor(request);
  const { version } = await parseBody(request, restoreClaimSchema);
  return json(await restoreClaim({ actor, claimId, version }));
});

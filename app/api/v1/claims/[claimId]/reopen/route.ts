import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { reopenClaim } from "@/lib/review/reopen-claim";
import { reopenSchema } from "@/lib/validation/claim";

export const POST = route<{ claimId: string }>(async (request, { claimId }) => {
  const actor = await requireActor(request);
  const { reason } = await parseBody(request, reopenSchema);
  return json(await reopenClaim({ actor, claimId, reason }));
});

import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { putVerdict } from "@/lib/verdicts/put-verdict";
import { verdictSchema } from "@/lib/validation/claim";

export const PUT = route<{ claimId: string }>(async (request, { claimId }) => {
  const actor = await requireActor(request);
  const input = await parseBody(request, verdictSchema);
  const result = await putVerdict({ actor, claimId, input });
  return json(result, result.created ? 201 : 200);
});

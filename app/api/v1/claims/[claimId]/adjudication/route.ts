import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { adjudicateClaim } from "@/lib/review/adjudicate-claim";
import { adjudicationSchema } from "@/lib/validation/claim";

export const POST = route<{ claimId: string }>(async (request, { claimId }) => {
  const actor = await requireActor(request);
  const { rating, note } = await parseBody(request, adjudicationSchema);
  return json(await adjudicateClaim({ actor, claimId, rating, note }), 201);
});

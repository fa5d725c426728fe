import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { addSource } from "@/lib/claims/add-source";
import { sourceSchema } from "@/lib/validation/claim";

export const POST = route<{ claimId: string }>(async (request, { claimId }) => {
  const actor = await requireActor(request);
  const input = await parseBody(request, sourceSchema);
  return json(await addSource({ actor, claimId, input }), 201);
});

import { requireActor } from "@/lib/auth/session";
import { json, route } from "@/lib/http/api";
import { dismissSuggestion } from "@/lib/suggestions/dismiss-suggestion";

export const POST = route<{ suggestionId: string }>(async (request, { suggestionId }) => {
  const actor = await requireActor(request);
  return json(await dismissSuggestion({ actor, suggestionId }));
});

import { requireActor } from "@/lib/auth/session";
import { json, route } from "@/lib/http/api";
import { restoreSuggestion } from "@/lib/suggestions/restore-suggestion";

export const POST = route<{ suggestionId: string }>(async (request, { suggestionId }) => {
  const actor = await requireActor(request);
  return json(await restoreSuggestion({ actor, suggestionId }));
});

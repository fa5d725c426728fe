import { requireActor } from "@/lib/auth/session";
import { json, route } from "@/lib/http/api";
import { acceptSuggestion } from "@/lib/suggestions/accept-suggestion";

export const POST = route<{ suggestionId: string }>(async (request, { suggestionId }) => {
  const actor = await requireActor(request);
  return json(await acceptSuggestion({ actor, suggestionId }));
});

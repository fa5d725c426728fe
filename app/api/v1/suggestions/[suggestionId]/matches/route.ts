import { requireActor } from "@/lib/auth/session";
import { json, route } from "@/lib/http/api";
import { findSuggestionMatches } from "@/lib/search/find-matches";

export const GET = route<{ suggestionId: string }>(async (request, { suggestionId }) => {
  const actor = await requireActor(request);
  return json(await findSuggestionMatches({ actor, suggestionId }));
});

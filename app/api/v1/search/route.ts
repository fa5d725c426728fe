import { requireActor } from "@/lib/auth/session";
import { json, parseWith, route } from "@/lib/http/api";
import { search } from "@/lib/search/search";
import { searchQuerySchema } from "@/lib/validation/search";

export const GET = route(async (request) => {
  const actor = await requireActor(request);
  const query = parseWith(searchQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return json(await search({ actor, query }));
});

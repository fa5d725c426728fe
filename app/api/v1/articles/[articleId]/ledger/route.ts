import { requireActor } from "@/lib/auth/session";
import { json, route } from "@/lib/http/api";
import { getFigureLedger } from "@/lib/articles/get-figure-ledger";

export const GET = route<{ articleId: string }>(async (request, { articleId }) => {
  const actor = await requireActor(request);
  return json(await getFigureLedger({ actor, articleId }));
});

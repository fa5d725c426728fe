import { requireActor } from "@/lib/auth/session";
import { ARTICLE_BODY_LIMIT, json, readJson, route } from "@/lib/http/api";
import { itemsOf } from "@/lib/fact-checks/claim-review";
import { canImportFactChecks, importFactChecks, type ItemReport } from "@/lib/fact-checks/import-fact-checks";
import { requireMember } from "@/lib/projects/require-member";

// The JSON-LD of other desks' fact-checks (an array, a @graph, or one ClaimReview), at most
// ARTICLE_BODY_LIMIT bytes; larger files go through the command line, which streams them.
export const POST = route<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  // Who may import is settled before the body is read.
  await requireMember(actor, projectId, canImportFactChecks, "import fact-checks");
  const doc = await readJson(request, ARTICLE_BODY_LIMIT);
  const items: ItemReport[] = [];
  const summary = await importFactChecks({
    actor,
    projectId,
    items: itemsOf(doc).map((value, index) => ({ index, value })),
    report: (r) => items.push(r),
  });
  // Items are reported as they settle (stored ones when their batch commits): back in file order.
  return json({ summary, items: items.sort((a, b) => a.index - b.index) });
});

import { notFound, redirect } from "next/navigation";
import { getSessionActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getArticleView, withoutBody, WORKSPACE_PAGE } from "@/lib/articles/get-article-view";
import { markAssignmentSeen } from "@/lib/review/mark-assignment-seen";
import { Workspace } from "@/components/workspace/workspace";
import type { WorkspaceArticle } from "@/components/workspace/types";

export default async function ArticlePage({ params, searchParams }: { params: Promise<{ articleId: string }>; searchParams: Promise<{ claim?: string | string[] }> }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  const { articleId } = await params;
  // The claim selected when the page was left (a reload, a language switch): `?claim=<id>`.
  const claim = (await searchParams).claim;
  const initialClaimId = typeof claim === "string" && /^[\w-]{1,64}$/.test(claim) ? claim : null;
  try {
    // The first page of the article only: the workspace loads the rest as the reader scrolls,
    // so the first HTML of any article stays small (under 1 MB, bench/suites/hostile-article.ts).
    const view = withoutBody(await getArticleView({ actor, articleId, window: { limits: WORKSPACE_PAGE } }));
    await markAssignmentSeen({ actor, articleId });
    // What crosses to the browser is what the API would answer, as plain JSON, less each
    // sentence's text: the browser slices it from the page's text it already has, and sending
    // both doubled the text in the page (docs/benchmarks.md).
    const initial = { ...view, sentences: view.sentences.map(({ text: _text, ...s }) => s) };
    return <Workspace initial={JSON.parse(JSON.stringify(initial)) as WorkspaceArticle} userId={actor.id} initialClaimId={initialClaimId} />;
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

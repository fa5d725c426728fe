import "server-only";
import { createHash } from "node:crypto";
import { db, withConnection } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canImport } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";
import type { ArticleInput } from "@/lib/validation/article";
import { storeArticles, type ArticleRow } from "@/lib/articles/store-analysis";
import { analyzeArticle } from "@/lib/articles/analyze-article";
import type { Overrun } from "@/lib/articles/article-limits";
import { idMaker, RowCollector } from "@/lib/articles/suggestion-rows";
import { auditActor, writeAudits } from "@/lib/audit/write-audit";
import type { AnyActor } from "@/lib/auth/system-actor";

export const contentHash = (body: string) => createHash("sha256").update(body, "utf8").digest("hex");

/** Imports one article for a member who may import. */
export async function createArticle({ actor, projectId, input }: { actor: Actor; projectId: string; input: ArticleInput }) {
  await requireMember(actor, projectId, canImport, "import articles");
  return unsafeCreateArticle({ projectId, actor, input });
}

/** Who imports: an actor (a user, or the command line, which records no user), or a user's id (seeds, benchmarks). */
type Importer = { actor: AnyActor } | { createdById: string };

/**
 * Imports one article without asking who may: for the command line and seeds, which run with
 * the database's own rights. An article the command line imports has no created_by (no person
 * imported it); its audit row names the command line. Analysis first, then the article, its sentences and suggestions
 * in one transaction, so a crash leaves no half-imported article.
 */
export async function unsafeCreateArticle({ projectId, input, ...by }: { projectId: string; input: ArticleInput } & Importer) {
  const [outcome] = await unsafeCreateArticles({ projectId, inputs: [input], ...by });
  if ("error" in outcome) throw outcome.error;
  return outcome.id;
}

/** What became of one input of a batch: the new article, or why not (a conflict names the existing one). */
export type ImportOutcome = { id: string } | { error: AppError };

const newArticleId = idMaker("c");

/**
 * Imports several articles in one transaction (the command line's import sends a few hundred
 * at a time): one statement per table for all their rows, each article's audit entry beside it.
 * Duplicates (of the project's articles, or of an earlier input) and articles over the limits
 * are answered per input and left out; the others commit together or not at all.
 */
export async function unsafeCreateArticles({ projectId, inputs, ...by }: { projectId: string; inputs: readonly ArticleInput[] } & Importer): Promise<ImportOutcome[]> {
  const audited = "actor" in by ? auditActor(by.actor) : { actorId: by.createdById };
  const createdById = audited.actorId;
  const hashes = inputs.map((i) => contentHash(i.body));
  const existing = new Map(
    (await db.article.findMany({ where: { projectId, contentHash: { in: [...new Set(hashes)] } }, select: { id: true, contentHash: true } })).map((a) => [a.contentHash, a.id]),
  );
  const outcomes: ImportOutcome[] = [];
  const articles: ArticleRow[] = [];
  const rows = new RowCollector();
  for (const [k, input] of inputs.entries()) {
    const hash = hashes[k];
    const earlier = existing.get(hash);
    if (earlier) {
      outcomes.push({ error: duplicate(earlier) });
      continue;
    }
    const id = newArticleId();
    const analyzed = await analyzeArticle(rows, id, input.body, input.language);
    if (!analyzed.ok) {
      outcomes.push({ error: tooMuch(analyzed.overrun) });
      continue;
    }
    existing.set(hash, id);
    outcomes.push({ id });
    articles.push({
      id, projectId, title: input.title, body: input.body, language: analyzed.language, direction: analyzed.direction,
      sourceUrl: input.sourceUrl ?? null, outlet: input.outlet ?? null, publishedAt: input.publishedAt ?? null, contentHash: hash, createdById,
    });
  }
  if (articles.length === 0) return outcomes;
  try {
    await withConnection(async (_tx, connection) => {
      await storeArticles(connection, articles, rows.take());
      // One statement for the batch's audit entries, one for their feed rows (an import notifies nobody).
      await writeAudits(connection, articles.map((a) => ({
        ...audited,
        projectId,
        entity: "article" as const,
        entityId: a.id,
        action: "import",
        after: { title: a.title, language: a.language, contentHash: a.contentHash },
      })), (event) => ({ articleId: event.entityId }));
    }, { timeout: 60_000, maxWait: 15_000 });
    return outcomes;
  } catch (e) {
    // Two imports of one body at once: the unique index decides, the loser learns the winner's id.
    const code = (e as { code?: string }).code;
    if (code !== "23505" && code !== "P2002") throw e;
    if (inputs.length > 1) {
      // Which of the batch lost is told one at a time (rare: another import of the same bodies ran meanwhile).
      const one: ImportOutcome[] = [];
      for (const input of inputs) one.push(await unsafeCreateArticles({ projectId, inputs: [input], ...by }).then(([o]) => o));
      return one;
    }
    const winner = await db.article.findUnique({ where: { projectId_contentHash: { projectId, contentHash: hashes[0] } }, select: { id: true } });
    if (winner) return [{ error: duplicate(winner.id) }];
    throw e;
  }
}

function duplicate(id: string) {
  return new AppError("conflict", "This article (the same body) is already in the project.", { existingId: id, current: { id }, reason: "duplicate_article" });
}

const OVERRUN_MESSAGES: Record<Overrun["reason"], (o: Overrun) => string> = {
  too_many_sentences: (o) => `The article has ${o.found} sentences; Sanad keeps at most ${o.limit} per article. Import it in parts.`,
  too_many_figures: (o) => `The article has ${o.found} figures; Sanad keeps at most ${o.limit} per article. Import it in parts.`,
  too_complex: () => "The article is too large to analyse. Import it in parts.",
};

/** 413 with the limit passed: `reason` is a message code the interface translates. */
function tooMuch(o: Overrun) {
  const message = OVERRUN_MESSAGES[o.reason](o);
  return new AppError("payload_too_large", message, { reason: o.reason, limit: o.limit, ...(o.found !== undefined ? { found: o.found } : {}), fields: { body: message } });
}

import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canImport } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";
import type { ArticleInput } from "@/lib/validation/article";
import { storeAnalysis } from "@/lib/articles/store-analysis";
import { analyzeArticle } from "@/lib/articles/analyze-article";
import type { Overrun } from "@/lib/articles/article-limits";
import { auditActor, writeAudit } from "@/lib/audit/write-audit";
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
  const audited = "actor" in by ? auditActor(by.actor) : { actorId: by.createdById };
  const createdById = audited.actorId;
  const hash = contentHash(input.body);
  const existing = await db.article.findUnique({ where: { projectId_contentHash: { projectId, contentHash: hash } }, select: { id: true } });
  if (existing) throw duplicate(existing.id);

  const analyzed = await analyzeArticle(input.body, input.language);
  if (!analyzed.ok) throw tooMuch(analyzed.overrun);
  const { analysis } = analyzed;
  try {
    const articleId = await db.$transaction(async (tx) => {
      const article = await tx.article.create({
        data: {
          projectId,
          title: input.title,
          body: input.body,
          language: analysis.language,
          direction: analysis.direction,
          sourceUrl: input.sourceUrl ?? null,
          outlet: input.outlet ?? null,
          publishedAt: input.publishedAt ?? null,
          contentHash: hash,
          createdById,
        },
      });
      await storeAnalysis(tx, article.id, analysis);
      await writeAudit(tx, {
        ...audited,
        projectId,
        entity: "article",
        entityId: article.id,
        action: "import",
        after: { title: input.title, language: analysis.language, contentHash: hash },
      });
      return article.id;
    }, { timeout: 60_000, maxWait: 15_000 });
    return articleId;
  } catch (e) {
    // Two imports of one body at once: the unique index decides, the loser learns the winner's id.
    if ((e as { code?: string }).code === "P2002") {
      const winner = await db.article.findUnique({ where: { projectId_contentHash: { projectId, contentHash: hash } }, select: { id: true } });
      if (winner) throw duplicate(winner.id);
    }
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

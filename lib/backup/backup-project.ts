import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";

/**
 * A whole project as JSON lines: a header, one line per row (users referred to by email), and
 * a footer holding the row counts and a SHA-256 of every line before it. A truncated or
 * edited file fails that check and is refused before anything is restored.
 */
export const BACKUP_FORMAT = "sanad-backup";
export const BACKUP_VERSION = 1;

export type BackupLine = { t: string; [k: string]: unknown };

export async function* backupLines(projectId: string): AsyncGenerator<string> {
  const hash = createHash("sha256");
  const counts: Record<string, number> = {};
  const emit = (line: BackupLine) => {
    const text = JSON.stringify(line) + "\n";
    hash.update(text);
    if (line.t !== "header") counts[line.t] = (counts[line.t] ?? 0) + 1;
    return text;
  };
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId } });
  // Ordered by what a restore keeps (times, emails), never by ids, which a restore renews.
  const memberships = await db.membership.findMany({ where: { projectId }, include: { user: true }, orderBy: [{ createdAt: "asc" }, { user: { email: "asc" } }] });
  const userIds = new Set<string>(memberships.map((m) => m.userId));
  // Everyone who appears in the project's rows, members or not (a removed reviewer's verdicts stay).
  const [claimAuthors, verdictAuthors, sourceAuthors, editors, importers, auditActors, linkAuthors, assignees, assigners, resolvers] = await Promise.all([
    db.claim.findMany({ where: { projectId }, select: { createdById: true }, distinct: ["createdById"] }),
    db.verdict.findMany({ where: { claim: { projectId } }, select: { reviewerId: true }, distinct: ["reviewerId"] }),
    db.source.findMany({ where: { claim: { projectId } }, select: { createdById: true }, distinct: ["createdById"] }),
    db.adjudication.findMany({ where: { claim: { projectId } }, select: { editorId: true }, distinct: ["editorId"] }),
    db.article.findMany({ where: { projectId }, select: { createdById: true }, distinct: ["createdById"] }),
    db.auditEvent.findMany({ where: { projectId, actorId: { not: null } }, select: { actorId: true }, distinct: ["actorId"] }),
    db.claimLink.findMany({ where: { claim: { projectId } }, select: { createdById: true }, distinct: ["createdById"] }),
    db.assignment.findMany({ where: { article: { projectId } }, select: { reviewerId: true }, distinct: ["reviewerId"] }),
    db.assignment.findMany({ where: { article: { projectId } }, select: { assignedById: true }, distinct: ["assignedById"] }),
    db.suggestion.findMany({ where: { article: { projectId }, resolvedById: { not: null } }, select: { resolvedById: true }, distinct: ["resolvedById"] }),
  ]);
  for (const r of claimAuthors) userIds.add(r.createdById);
  for (const r of verdictAuthors) userIds.add(r.reviewerId);
  for (const r of sourceAuthors) userIds.add(r.createdById);
  for (const r of editors) userIds.add(r.editorId);
  for (const r of importers) if (r.createdById) userIds.add(r.createdById);
  for (const r of auditActors) if (r.actorId) userIds.add(r.actorId);
  for (const r of linkAuthors) userIds.add(r.createdById);
  for (const r of assignees) userIds.add(r.reviewerId);
  for (const r of assigners) userIds.add(r.assignedById);
  for (const r of resolvers) if (r.resolvedById) userIds.add(r.resolvedById);
  // Comment authors and the members they mention.
  for (const c of await db.comment.findMany({ where: { projectId }, select: { authorId: true, mentionIds: true } })) {
    userIds.add(c.authorId);
    for (const id of c.mentionIds) userIds.add(id);
  }
  const users = await db.user.findMany({ where: { id: { in: [...userIds] } }, orderBy: { email: "asc" } });

  yield emit({ t: "header", format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString() });
  yield emit({
    t: "project",
    id: project.id,
    name: project.name,
    defaultLanguage: project.defaultLanguage,
    requiredVerdicts: project.requiredVerdicts,
    organizationName: project.organizationName,
    organizationUrl: project.organizationUrl,
    createdAt: project.createdAt,
  });
  for (const u of users) yield emit({ t: "user", id: u.id, email: u.email, name: u.name, locale: u.locale });
  for (const m of memberships) yield emit({ t: "membership", userId: m.userId, role: m.role, createdAt: m.createdAt });

  const articles = await db.article.findMany({ where: { projectId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  for (const { id } of articles) {
    const a = await db.article.findUniqueOrThrow({ where: { id } });
    const [sentences, quantities, suggestions, assignments] = await Promise.all([
      db.sentence.findMany({ where: { articleId: id }, orderBy: { index: "asc" } }),
      db.quantity.findMany({ where: { articleId: id }, orderBy: { index: "asc" } }),
      db.suggestion.findMany({ where: { articleId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
      db.assignment.findMany({ where: { articleId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    ]);
    yield emit({
      t: "article",
      id: a.id,
      title: a.title,
      body: a.body,
      language: a.language,
      direction: a.direction,
      sourceUrl: a.sourceUrl,
      outlet: a.outlet,
      publishedAt: a.publishedAt,
      contentHash: a.contentHash,
      createdById: a.createdById,
      createdAt: a.createdAt,
      sentences: sentences.map((s) => [s.index, s.start, s.end, s.boilerplate]),
      quantities: quantities.map(({ articleId: _a, ...q }) => q),
    });
    for (const s of suggestions) yield emit({ t: "suggestion", ...s });
    for (const s of assignments) yield emit({ t: "assignment", ...s });
  }
  // Claims and what hangs on them, a batch at a time.
  let cursor: string | null = null;
  for (;;) {
    const claims: Awaited<ReturnType<typeof db.claim.findMany>> = await db.claim.findMany({
      where: { projectId, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: 500,
    });
    if (claims.length === 0) break;
    const ids = claims.map((c) => c.id);
    const [sources, verdicts, adjudications] = await Promise.all([
      db.source.findMany({ where: { claimId: { in: ids } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
      db.verdict.findMany({ where: { claimId: { in: ids } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
      db.adjudication.findMany({ where: { claimId: { in: ids } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    ]);
    for (const c of claims) yield emit({ t: "claim", ...c });
    for (const s of sources) yield emit({ t: "source", ...s });
    for (const v of verdicts) yield emit({ t: "verdict", ...v });
    for (const a of adjudications) yield emit({ t: "adjudication", ...a });
    cursor = claims[claims.length - 1].id;
  }
  const links = await db.claimLink.findMany({ where: { claim: { projectId } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  for (const l of links) yield emit({ t: "link", ...l });
  // Comments, oldest first, so a reply always follows the comment it answers.
  let commentCursor: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const comments: Awaited<ReturnType<typeof db.comment.findMany>> = await db.comment.findMany({
      where: { projectId, ...(commentCursor ? { OR: [{ createdAt: { gt: commentCursor.createdAt } }, { createdAt: commentCursor.createdAt, id: { gt: commentCursor.id } }] } : {}) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 1000,
    });
    if (comments.length === 0) break;
    for (const c of comments) yield emit({ t: "comment", ...c });
    commentCursor = comments[comments.length - 1];
  }
  let auditCursor: bigint | null = null;
  for (;;) {
    const events: Awaited<ReturnType<typeof db.auditEvent.findMany>> = await db.auditEvent.findMany({
      where: { projectId, ...(auditCursor !== null ? { id: { gt: auditCursor } } : {}) },
      orderBy: { id: "asc" },
      take: 1000,
    });
    if (events.length === 0) break;
    for (const e of events) yield emit({ t: "audit", ...e, id: e.id.toString() });
    auditCursor = events[events.length - 1].id;
  }
  yield JSON.stringify({ t: "footer", counts, sha256: hash.digest("hex") }) + "\n";
}

import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseWith } from "@/lib/http/api";
import { canAssign, canReviewQueue } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";
import { decodeCursor, encodeCursor } from "@/lib/articles/list-articles";
import { dateInput, idParam, text } from "@/lib/validation/common";

/**
 * Where an article stands: no claims yet; claims still being reviewed (open); a disagreement
 * waiting for an editor (any claim disputed); done (every claim verified or retracted).
 */
export const PROGRESS_STATUSES = ["no_claims", "in_review", "disputed", "done"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

const blank = (s: unknown) => (s === "" ? undefined : s);
export const progressFiltersSchema = z.object({
  status: z.preprocess(blank, z.enum(PROGRESS_STATUSES, "must be no_claims, in_review, disputed or done").optional()),
  assignee: z.preprocess(blank, z.union([z.literal("none"), idParam]).optional()),
  outlet: z.preprocess(blank, text(200).optional()),
  from: z.preprocess(blank, dateInput.optional()),
  to: z.preprocess(blank, dateInput.optional()),
  cursor: z.preprocess(blank, z.string().max(200).optional()),
});
export type ProgressFilters = z.input<typeof progressFiltersSchema>;

const DAY = 86_400_000;

function statusWhere(status: ProgressStatus): Prisma.ArticleWhereInput {
  const live = { status: { not: "retracted" as const } };
  switch (status) {
    case "no_claims":
      return { claims: { none: live } };
    case "disputed":
      return { claims: { some: { status: "disputed" } } };
    case "in_review":
      return { AND: [{ claims: { some: { status: "open" } } }, { claims: { none: { status: "disputed" } } }] };
    case "done":
      return { AND: [{ claims: { some: { status: "verified" } } }, { claims: { none: { status: { in: ["open", "disputed"] } } } }] };
  }
}

/**
 * The project page's list: each article with its claims, verdicts given of those needed, who is
 * assigned and where it stands, newest first, filtered by status, assignee, outlet and date (the
 * article's publication date, or its import date when it has none; `to` includes its whole day).
 * Verdict counts are the editors' to see: reviewers get null there, as blindness hides the
 * number of others' verdicts claim by claim.
 */
export async function listArticleProgress({ actor, projectId, filters = {}, limit = 50 }: { actor: Actor; projectId: string; filters?: ProgressFilters; limit?: number }) {
  const member = await requireMember(actor, projectId);
  const f = parseWith(progressFiltersSchema, filters);
  const after = f.cursor ? decodeCursor(f.cursor) : null;
  const range = f.from || f.to ? { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: new Date(f.to.getTime() + DAY) } : {}) } : null;
  const where: Prisma.ArticleWhereInput = {
    projectId,
    AND: [
      f.status ? statusWhere(f.status) : {},
      f.assignee === "none" ? { assignments: { none: {} } } : f.assignee ? { assignments: { some: { reviewerId: f.assignee } } } : {},
      f.outlet ? { outlet: f.outlet } : {},
      range ? { OR: [{ publishedAt: range }, { publishedAt: null, createdAt: range }] } : {},
      after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {},
    ],
  };
  const [project, rows, members, outlets] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { requiredVerdicts: true } }),
    db.article.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      select: {
        id: true, title: true, direction: true, outlet: true, publishedAt: true, createdAt: true,
        assignments: { select: { reviewer: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
        claims: { where: { status: { not: "retracted" } }, select: { status: true, _count: { select: { verdicts: true } } } },
      },
    }),
    db.membership.findMany({ where: { projectId }, select: { role: true, user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } }),
    db.article.findMany({ where: { projectId, outlet: { not: null } }, distinct: ["outlet"], select: { outlet: true }, orderBy: { outlet: "asc" } }),
  ]);
  const seesVerdicts = canReviewQueue(member);
  const required = project.requiredVerdicts;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    requiredVerdicts: required,
    mayAssign: canAssign(member),
    seesVerdicts,
    filters: { status: f.status ?? null, assignee: f.assignee ?? null, outlet: f.outlet ?? null, from: f.from ?? null, to: f.to ?? null },
    members: members.map((m) => ({ id: m.user.id, name: m.user.name, role: m.role })),
    outlets: outlets.map((o) => o.outlet!).filter(Boolean),
    items: page.map((a) => {
      const claims = a.claims.length;
      const settled = a.claims.filter((c) => c.status === "verified").length;
      const status: ProgressStatus =
        claims === 0 ? "no_claims" : a.claims.some((c) => c.status === "disputed") ? "disputed" : settled === claims ? "done" : "in_review";
      return {
        id: a.id,
        title: a.title,
        direction: a.direction,
        outlet: a.outlet,
        date: a.publishedAt ?? a.createdAt,
        createdAt: a.createdAt,
        assignees: a.assignments.map((x) => x.reviewer),
        claims,
        verified: settled,
        status,
        // Each claim needs `required` verdicts; verdicts past that do not make up for another claim's.
        verdictsGiven: seesVerdicts ? a.claims.reduce((n, c) => n + Math.min(c._count.verdicts, required), 0) : null,
        verdictsNeeded: seesVerdicts ? claims * required : null,
      };
    }),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
export type ArticleProgress = Awaited<ReturnType<typeof listArticleProgress>>;

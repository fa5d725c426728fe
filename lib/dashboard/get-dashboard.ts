import "server-only";
import { readDb } from "@/lib/database/replica";
import type { Actor } from "@/lib/auth/session";
import { canReviewQueue } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";
import { getAgreement } from "@/lib/review/get-agreement";
import { RATINGS, type Rating } from "@/lib/validation/claim";

const DAY = 86_400_000;
const STATUSES = new Set(["open", "disputed", "verified", "retracted"]);
// Audit actions whose `after` records a claim's status. "update" also carries it, unchanged.
const STATUS_ACTIONS = ["create", "status", "reopen", "retract", "restore", "adjudicate"];

/** Midnight UTC of the day holding `t`; the interface reports dates in UTC too. */
const startOfDay = (t: Date) => new Date(Math.floor(t.getTime() / DAY) * DAY);
const isoDay = (t: Date) => t.toISOString().slice(0, 10);
/** Monday 00:00 UTC of the week holding `t` (ISO weeks). */
function startOfWeek(t: Date) {
  const day = startOfDay(t);
  const weekday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - weekday * DAY);
}

/**
 * What the project's dashboard shows, for its editors: verdicts by rating, the size of the
 * disagreement queue at the end of each of the last `days` days (replayed from the audit trail),
 * agreement overall and per reviewer pair, and claims rated per reviewer per week.
 */
export async function getDashboard({
  actor,
  projectId,
  now = new Date(),
  days = 60,
  weeks = 12,
}: {
  actor: Actor;
  projectId: string;
  now?: Date;
  days?: number;
  weeks?: number;
}) {
  await requireMember(actor, projectId, canReviewQueue, "see the dashboard");
  // The dashboard may lag a moment behind the last write: read on the replica when there is one.
  const db = await readDb();

  const today = startOfDay(now);
  const firstDay = new Date(today.getTime() - (days - 1) * DAY);
  const windowEnd = new Date(today.getTime() + DAY);
  const firstWeek = new Date(startOfWeek(now).getTime() - (weeks - 1) * 7 * DAY);

  const [agreement, verdictRatings, finalRatings, statusCounts, events, weeklyVerdicts] = await Promise.all([
    getAgreement({ actor, projectId }),
    db.verdict.groupBy({ by: ["rating"], where: { claim: { projectId, status: { not: "retracted" } } }, _count: { _all: true } }),
    db.adjudication.groupBy({ by: ["rating"], where: { supersededAt: null, claim: { projectId, status: "verified" } }, _count: { _all: true } }),
    db.claim.groupBy({ by: ["status"], where: { projectId }, _count: { _all: true } }),
    db.auditEvent.findMany({
      where: {
        projectId,
        createdAt: { lt: windowEnd },
        OR: [
          { entity: "claim", action: { in: STATUS_ACTIONS } },
          { entity: "adjudication", action: "adjudicate" },
        ],
      },
      select: { entity: true, entityId: true, after: true, createdAt: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.verdict.findMany({
      where: { claim: { projectId }, createdAt: { gte: firstWeek, lt: windowEnd } },
      select: { reviewerId: true, createdAt: true },
    }),
  ]);

  // Ratings, always all six in scale order, so charts keep their axis when a category is empty.
  const countOf = (rows: { rating: string; _count: { _all: number } }[], r: Rating) => rows.find((x) => x.rating === r)?._count._all ?? 0;
  const ratings = RATINGS.map((rating) => ({ rating, verdicts: countOf(verdictRatings, rating), final: countOf(finalRatings, rating) }));

  const claims = { open: 0, disputed: 0, verified: 0, retracted: 0 };
  for (const row of statusCounts) claims[row.status] = row._count._all;

  // Adjudication events name the adjudication, not the claim.
  const adjudicationIds = events.filter((e) => e.entity === "adjudication").map((e) => e.entityId);
  const adjudications = adjudicationIds.length
    ? await db.adjudication.findMany({ where: { id: { in: adjudicationIds } }, select: { id: true, claimId: true } })
    : [];
  const claimOfAdjudication = new Map(adjudications.map((a) => [a.id, a.claimId]));

  // Replay: each event that records a status sets its claim's status; the queue is the number
  // of claims disputed after the last event of the day.
  const status = new Map<string, string>();
  let disputed = 0;
  let next = 0;
  const queue: { date: string; disputed: number }[] = [];
  for (let d = 0; d < days; d++) {
    const day = new Date(firstDay.getTime() + d * DAY);
    const end = day.getTime() + DAY;
    for (; next < events.length && events[next].createdAt.getTime() < end; next++) {
      const e = events[next];
      const claimId = e.entity === "claim" ? e.entityId : claimOfAdjudication.get(e.entityId);
      const after = e.after as { status?: unknown } | null;
      const value = after && typeof after === "object" && !Array.isArray(after) ? after.status : undefined;
      if (!claimId || typeof value !== "string" || !STATUSES.has(value)) continue;
      const before = status.get(claimId);
      if (before === "disputed") disputed -= 1;
      if (value === "disputed") disputed += 1;
      status.set(claimId, value);
    }
    queue.push({ date: isoDay(day), disputed });
  }

  // Claims rated (a verdict given) per reviewer per ISO week.
  const weekKeys = Array.from({ length: weeks }, (_, i) => isoDay(new Date(firstWeek.getTime() + i * 7 * DAY)));
  const perWeek = new Map(weekKeys.map((w) => [w, {} as Record<string, number>]));
  const weeklyReviewerIds = new Set<string>();
  for (const v of weeklyVerdicts) {
    const row = perWeek.get(isoDay(startOfWeek(v.createdAt)));
    if (!row) continue;
    row[v.reviewerId] = (row[v.reviewerId] ?? 0) + 1;
    weeklyReviewerIds.add(v.reviewerId);
  }

  const names = new Map(agreement.reviewers.map((r) => [r.id, r.name]));
  const missing = [...weeklyReviewerIds].filter((id) => !names.has(id));
  if (missing.length) {
    for (const u of await db.user.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })) names.set(u.id, u.name);
  }
  const person = (id: string) => ({ id, name: names.get(id) ?? "" });

  return {
    agreement: {
      raters: agreement.raters,
      items: agreement.items,
      percentAgreement: agreement.percentAgreement,
      cohenKappa: agreement.cohenKappa,
      krippendorffAlpha: agreement.krippendorffAlpha,
    },
    pairs: agreement.pairs.map((p) => ({ a: person(p.a), b: person(p.b), items: p.items, percentAgreement: p.percentAgreement, cohenKappa: p.cohenKappa })),
    claims,
    ratings,
    queue,
    weekly: {
      reviewers: [...weeklyReviewerIds].map(person).sort((x, y) => x.name.localeCompare(y.name) || (x.id < y.id ? -1 : 1)),
      weeks: weekKeys.map((week) => ({ week, byReviewer: perWeek.get(week)! })),
    },
  };
}
export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

import "server-only";
import { presentRating } from "@/lib/verdicts/present-rating";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { getClaimOrThrow } from "@/lib/claims/get-claim-or-throw";
import { presentClaimTo, presentSourceTo, verdictsVisibleTo } from "@/lib/claims/blind";

/**
 * A claim with its sources, links, adjudication and verdicts. Blind review (lib/claims/blind.ts):
 * a reviewer sees the others' verdicts, their count, the disputed status and the stance and
 * author of others' sources only once their own verdict is in; editors see all.
 */
export async function getClaimDetail({ actor, claimId }: { actor: Actor; claimId: string }) {
  const { claim, member } = await getClaimOrThrow({ actor, claimId });
  const [sources, linksFrom, linksTo, verdicts, adjudications] = await Promise.all([
    db.source.findMany({ where: { claimId }, orderBy: { createdAt: "asc" }, include: { createdBy: { select: { id: true, name: true } } } }),
    db.claimLink.findMany({ where: { claimId }, include: { otherClaim: true } }),
    db.claimLink.findMany({ where: { otherClaimId: claimId }, include: { claim: true } }),
    db.verdict.findMany({ where: { claimId }, orderBy: { createdAt: "asc" }, include: { reviewer: { select: { id: true, name: true } } } }),
    db.adjudication.findMany({ where: { claimId }, orderBy: { createdAt: "desc" }, include: { editor: { select: { id: true, name: true } } } }),
  ]);
  const own = verdicts.find((v) => v.reviewerId === actor.id) ?? null;
  const linked = [...linksFrom.map((l) => l.otherClaim), ...linksTo.map((l) => l.claim)];
  const sees = await verdictsVisibleTo(actor, member, [claimId, ...linked.map((c) => c.id)]);
  const seesAll = sees(claimId);
  const shown = seesAll ? verdicts : [];
  const current = adjudications.find((a) => a.supersededAt === null) ?? null;
  const verdictView = (v: (typeof verdicts)[number]) => ({
    id: v.id,
    reviewer: v.reviewer,
    ...presentRating(v.rating),
    rationale: v.rationale,
    version: v.version,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  });
  const adjudicationView = (a: (typeof adjudications)[number]) => ({
    id: a.id,
    editor: a.editor,
    ...presentRating(a.rating),
    note: a.note,
    createdAt: a.createdAt,
    supersededAt: a.supersededAt,
  });
  return {
    ...presentClaimTo(claim, seesAll),
    sources: sources.map((s) => presentSourceTo(s, actor.id, seesAll)),
    links: [
      ...linksFrom.map((l) => ({ id: l.id, relation: l.relation, claim: presentClaimTo(l.otherClaim, sees(l.otherClaim.id)) })),
      ...linksTo.map((l) => ({ id: l.id, relation: l.relation, claim: presentClaimTo(l.claim, sees(l.claim.id)) })),
    ],
    // Hidden: not even how many there are.
    verdictCount: seesAll ? verdicts.length : null,
    myVerdict: own ? verdictView(own) : null,
    verdicts: shown.map(verdictView),
    adjudication: current ? adjudicationView(current) : null,
    adjudicationHistory: adjudications.map(adjudicationView),
  };
}
export type ClaimDetail = Awaited<ReturnType<typeof getClaimDetail>>;

// The demo desk at work: a second article (in English, written for Sanad), claims in every state,
// two reviewers' verdicts with one disagreement waiting in the editor's queue, sources, comments
// with mentions, assignments and the notifications all that causes. Everything goes through the
// same operations the app uses, so the audit trail and the event feed tell the same story.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Actor } from "@/lib/auth/session";
import type { User } from "@/lib/generated/prisma/client";
import { createArticle } from "@/lib/articles/create-article";
import { createClaim } from "@/lib/claims/create-claim";
import { addSource } from "@/lib/claims/add-source";
import { retractClaim } from "@/lib/claims/retract-claim";
import { putVerdict } from "@/lib/verdicts/put-verdict";
import { adjudicateClaim } from "@/lib/review/adjudicate-claim";
import { assignArticle } from "@/lib/review/assign-article";
import { postComment } from "@/lib/comments/post-comment";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";

const here = path.dirname(fileURLToPath(import.meta.url));
export const HARBOUR_TITLE = "Harbour authority reports record grain exports";

const actorOf = (u: User): Actor => ({ id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, via: "session" });

/**
 * Runs once: when the English article already exists, the desk has been seeded before and
 * nothing is done (so seeding stays idempotent).
 */
export async function seedActivity({ projectId, sy24Id, admin, editor, rana, sami }: { projectId: string; sy24Id: string; admin: User; editor: User; rana: User; sami: User }) {
  const [ed, r1, r2] = [actorOf(editor), actorOf(rana), actorOf(sami)];
  const body = readFileSync(path.join(here, "harbour-grain.txt"), "utf8");
  let articleId: string;
  try {
    articleId = await createArticle({ actor: actorOf(admin), projectId, input: { title: HARBOUR_TITLE, body, language: "en", outlet: "Sanad demo" } });
  } catch (e) {
    if (e instanceof AppError && e.code === "conflict") return { articleId: String(e.details.existingId), created: false };
    throw e;
  }
  const span = (text: string, phrase: string) => {
    const start = text.indexOf(phrase);
    if (start < 0) throw new Error(`seed: "${phrase}" is not in the article`);
    return { start, end: start + phrase.length };
  };
  const flag = (actor: Actor, article: string, text: string, phrase: string, kind: "figure" | "prediction" = "figure", note?: string) =>
    createClaim({ actor, articleId: article, input: { ...span(text, phrase), kind, note } });

  await assignArticle({ actor: ed, articleId, reviewerIds: [rana.id, sami.id] });
  await assignArticle({ actor: ed, articleId: sy24Id, reviewerIds: [sami.id] });

  // Disagreed, in the queue: the statement gives two volumes for one year.
  const volume = await flag(r1, articleId, body, "4.2 million tonnes", "figure", "The same statement later says 3.8 million.");
  await addSource({ actor: r1, claimId: volume.id, input: { url: "https://example.org/kestrel-annual-statement-2025", title: "Annual statement 2025", publisher: "Port of Kestrel", excerpt: "Total grain handled: 3.8 million tonnes.", stance: "refutes" } });
  await putVerdict({ actor: r1, claimId: volume.id, input: { rating: "2", rationale: "The authority's own statement gives 3.8 million tonnes further down." } });
  await putVerdict({ actor: r2, claimId: volume.id, input: { rating: "4", rationale: "4.2 may include transit cargo; the headline figure is defensible." } });
  const ask = await postComment({ actor: r1, thread: { kind: "claim", id: volume.id }, input: { body: "@Sami (reviewer) did you count transit cargo in the 4.2? The statement's table says 3.8: https://example.org/kestrel-annual-statement-2025" } });
  await postComment({ actor: r2, thread: { kind: "claim", id: volume.id }, input: { body: "Yes, the press release adds transshipment. Leaving it to the editor.", parentId: ask.id } });

  // Verified: both reviewers agree and the editor confirms.
  const growth = await flag(r2, articleId, body, "18 percent");
  await addSource({ actor: r2, claimId: growth.id, input: { url: "https://example.org/kestrel-exports-2024", title: "Exports 2024", publisher: "Port of Kestrel", stance: "supports" } });
  await putVerdict({ actor: r1, claimId: growth.id, input: { rating: "5", rationale: "Matches the 2024 and 2025 export tables." } });
  await putVerdict({ actor: r2, claimId: growth.id, input: { rating: "5", rationale: "Checked against last year's report." } });
  await adjudicateClaim({ actor: ed, claimId: growth.id, rating: "5", note: "Both reviewers agree; the tables bear it out." });

  // Open, with a source; and a prediction nobody has rated yet.
  const trains = await flag(r1, articleId, body, "35 trains a week");
  await addSource({ actor: r1, claimId: trains.id, input: { url: "https://example.org/rail-timetable", title: "Freight timetable", publisher: "Kestrel Rail", stance: "context" } });
  await flag(r2, articleId, body, "5 million tonnes by 2027", "prediction");

  // Retracted: not a claim the desk can check.
  const staff = await flag(r2, articleId, body, "about 600");
  await retractClaim({ actor: r2, claimId: staff.id, reason: "Approximate, and attributed to the union; nothing to verify." });

  // The SY24 article: an open claim, and the desk talking about it.
  const sy24 = await db.article.findUniqueOrThrow({ where: { id: sy24Id }, select: { body: true } });
  const area = await flag(r1, sy24Id, sy24.body, "110 آلاف كم مربع");
  await postComment({ actor: r1, thread: { kind: "claim", id: area.id }, input: { body: "المساحة نفسها تُذكر لاحقًا بصيغة 110.000 كيلومتر مربع؛ هل هما الرقم ذاته؟" } });
  await postComment({ actor: ed, thread: { kind: "article", id: sy24Id }, input: { body: "@Rana (reviewer) @Sami (reviewer) ابدآ بالتناقض بين 7 ملايين و7.7 مليون، ثم المساحة." } });
  await postComment({ actor: ed, thread: { kind: "article", id: articleId }, input: { body: "@Rana (reviewer) the rail figure comes from a timetable; please find the operator's own count." } });
  return { articleId, created: true };
}

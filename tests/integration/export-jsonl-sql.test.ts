// The JSONL export's lines are written by PostgreSQL (lib/export/jsonl-sql.ts). They must be byte
// for byte what JSON.stringify makes of the records the other formats read (load-records.ts):
// compared here on a desk with awkward values and on the seeded demo desk.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { unsafeCreateArticle } from "@/lib/articles/create-article";
import { createClaim } from "@/lib/claims/create-claim";
import { addSource } from "@/lib/claims/add-source";
import { linkClaims } from "@/lib/claims/link-claims";
import { putVerdict } from "@/lib/verdicts/put-verdict";
import { adjudicateClaim } from "@/lib/review/adjudicate-claim";
import { unsafeExportStream } from "@/lib/export/export-project";
import { embeddableJson } from "@/lib/export/formats";
import { loadJsonlPage } from "@/lib/export/jsonl-sql";
import { loadBatch, type ExportFilter } from "@/lib/export/load-records";
import { addMember, makeProject, makeUser, unique } from "../factories";

/** The lines as JavaScript writes them from the records. */
async function fromRecords(filter: ExportFilter, client: PrismaClient = db) {
  let out = "";
  let cursor: string | null = null;
  do {
    const page = await loadBatch(filter, cursor, 3, client);
    out += page.records.map((r) => embeddableJson(r) + "\n").join("");
    cursor = page.next;
  } while (cursor);
  return out;
}

async function fromSql(filter: ExportFilter, client: PrismaClient = db) {
  let out = "";
  let cursor: string | null = null;
  do {
    const page = await loadJsonlPage(filter, cursor, 3, client);
    out += page.lines.join("");
    cursor = page.next;
  } while (cursor);
  return out;
}

async function streamed(filter: ExportFilter) {
  const stream = await unsafeExportStream({ format: "jsonl", filter, baseUrl: "https://sanad.example" });
  return Buffer.from(await new Response(stream).arrayBuffer()).toString("utf8");
}

describe("JSONL lines written by PostgreSQL", () => {
  it("are byte for byte JSON.stringify's, with awkward strings, numbers, dates, links and ratings", async () => {
    const project = await makeProject(unique("Desk <&> \"q\""));
    const editor = await makeUser({ name: "Editor <b>&amp;" });
    const r1 = await makeUser({ name: "مراجع \u0001 tab\there" });
    const r2 = await makeUser({ name: "Reviewer \\ Two" });
    await addMember(project.id, editor.user.id, "editor");
    await addMember(project.id, r1.user.id, "reviewer");
    await addMember(project.id, r2.user.id, "reviewer");
    const body = "😀 قال الوزير إن 4,000 مدرسة فتحت. The <figure> was 1.5 & more. Then 12 and 13 and 14 and 15 things.";
    const ar = await unsafeCreateArticle({ projectId: project.id, createdById: r1.actor.id, input: { title: "عنوان </script>", body, sourceUrl: "https://news.example/a?x=1&y=<2>", outlet: "\"Outlet\"", publishedAt: new Date("2024-03-01T08:00:00.123Z") } });
    const en = await unsafeCreateArticle({ projectId: project.id, createdById: r1.actor.id, input: { title: "Plain", body: body + " (English copy)", language: "en" } });
    const texts = ["4,000 مدرسة", "1.5 & more", "12 and", "13 and", "14 and", "15 things", "The <figure>"];
    const claims = [];
    for (const [i, text] of texts.entries()) {
      const start = body.indexOf(text);
      claims.push(await createClaim({ actor: r1.actor, articleId: i % 2 ? en : ar, input: { start, end: start + text.length, note: i === 2 ? "line\nbreak \u001f \u2028 \"quoted\"" : "" } }));
    }
    await putVerdict({ actor: r1.actor, claimId: claims[0].id, input: { rating: "1", rationale: "<b>false</b> & \"wrong\"" } });
    await putVerdict({ actor: r2.actor, claimId: claims[0].id, input: { rating: "unverifiable", rationale: "لا يمكن\r\nالتحقق" } });
    await putVerdict({ actor: r2.actor, claimId: claims[1].id, input: { rating: "5", rationale: "" } });
    await addSource({ actor: r1.actor, claimId: claims[0].id, input: { url: "https://un.example/r?a=1&b=<2>", title: "UN", publisher: "الأمم", excerpt: "x\ty", stance: "refutes", readAt: new Date("2024-03-02T10:00:00.999Z") } });
    await addSource({ actor: r1.actor, claimId: claims[0].id, input: { url: "http://archive.example/x", stance: "context" } });
    await linkClaims({ actor: r1.actor, claimId: claims[0].id, otherClaimId: claims[1].id, relation: "contradicts" });
    await linkClaims({ actor: r1.actor, claimId: claims[2].id, otherClaimId: claims[0].id, relation: "same_as" });

    await adjudicateClaim({ actor: editor.actor, claimId: claims[0].id, rating: "unverifiable", note: "=then <changed>" });
    // An earlier, superseded adjudication: only the current one is exported.
    await db.$executeRaw`INSERT INTO adjudications (id, claim_id, editor_id, rating, note, created_at, superseded_at)
      VALUES (${unique("adj")}, ${claims[0].id}, ${editor.user.id}, '2', 'first', now() - interval '1 hour', now())`;
    await adjudicateClaim({ actor: editor.actor, claimId: claims[1].id, rating: "4", note: "" });
    // Quantities PostgreSQL and JavaScript would write differently, written straight to the table.
    const values = [1e21, 0.00001, -0, 1.5, 1e15, 123456789012345, null];
    for (const [i, v] of values.entries()) {
      await db.$executeRaw`UPDATE claims SET quantity_value = ${v === null ? null : Object.is(v, -0) ? "-0" : String(v)}::float8, quantity_kind = ${v === null ? null : "count"}, quantity_unit = ${i === 3 ? "<unit>" : null}, status = 'verified', verified_at = ${new Date(Date.UTC(2025, 0, 1, 0, 0, i, 7 * i))} WHERE id = ${claims[i].id}`;
    }
    for (const filter of [
      { projectId: project.id, status: "all" as const },
      { projectId: project.id, status: "verified" as const },
      { projectId: project.id, status: "verified" as const, articleId: en, from: new Date("2025-01-01T00:00:01Z"), to: new Date("2025-01-01T00:00:05Z") },
    ]) {
      const expected = await fromRecords(filter);
      expect(expected.split("\n").length).toBeGreaterThan(1);
      expect(await fromSql(filter)).toBe(expected);
      expect(await streamed(filter)).toBe(expected);
    }
  });


  it("are byte for byte JSON.stringify's on the seeded demo desk", async () => {
    const { seed } = await import("@/seeds/seed");
    const { projectId } = await seed({ demoPassword: "demo-password-jsonl" });
    const filter = { projectId, status: "all" as const };
    const expected = await fromRecords(filter);
    expect(expected.split("\n").length).toBeGreaterThan(5);
    expect(await fromSql(filter)).toBe(expected);
    expect(await streamed(filter)).toBe(expected);
  });
});

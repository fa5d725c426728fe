// The Web Annotation export on a long article with many claims: every position selector counts
// code points (checked against a count made here, independently), whatever the astral
// characters before it. The offsets are converted in one walk per article and batch; a walk per
// offset took 22 s for 500 claims on a 5 MB article (issue 12).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { unsafeExportStream } from "@/lib/export/export-project";
import { addMember, makeProject, makeUser, unique } from "../factories";

describe("Web Annotation positions on a long article", () => {
  it("are right for 1,500 claims spread over a 1 MB body full of emoji and mathematical letters", { timeout: 120_000 }, async () => {
    const project = await makeProject();
    const { user } = await makeUser({ name: "Editor" });
    await addMember(project.id, user.id, "editor");
    const pieces = ["قال 𝟕 شهود إن ", "😀 ", "the city of 𝐀𝐁𝐂 ", "👩‍👩‍👧 rebuilt ", "🇸🇾 ", "plain words here. "];
    let body = "";
    for (let i = 0; body.length < 1_000_000; i++) body += pieces[(i * 7) % pieces.length];
    const article = await db.article.create({
      data: { projectId: project.id, title: "long", body, language: "ar", direction: "rtl", contentHash: unique("h"), createdById: user.id },
    });
    // Claims at "plain words": their start and end are whole characters.
    const N = 1500;
    const spans: { start: number; end: number }[] = [];
    let from = 0;
    const step = Math.floor(body.length / N);
    for (let k = 0; k < N; k++) {
      const start = body.indexOf("plain words", k * step > from ? k * step : from);
      spans.push({ start, end: start + "plain words".length });
      from = start + 1;
    }
    const ids = spans.map((_, k) => `${unique("c").replace(/-/g, "")}${String(k).padStart(5, "0")}`);
    await db.claim.createMany({
      data: spans.map((s, k) => ({
        id: ids[k], projectId: project.id, articleId: article.id, start: s.start, end: s.end, text: "plain words", prefix: "", suffix: "",
        sentenceIndexes: [0], kind: "statement", status: "verified", createdById: user.id, verifiedAt: new Date("2024-06-01T00:00:00Z"),
      })),
    });
    const stream = await unsafeExportStream({ format: "webannotation", filter: { projectId: project.id, status: "verified" }, baseUrl: "https://sanad.example" });
    const doc = JSON.parse(await new Response(stream).text());
    expect(doc.first.items).toHaveLength(N);

    // Code points before each UTF-16 index, counted here by iterating the string.
    const cpBefore = new Int32Array(body.length + 1);
    let cp = 0;
    let i = 0;
    for (const ch of body) {
      cpBefore[i] = cp;
      i += ch.length;
      cp++;
    }
    cpBefore[body.length] = cp;
    const chars = Array.from(body);
    const byId = new Map(doc.first.items.map((a: any) => [a.id, a]));
    for (const [k, s] of spans.entries()) {
      const a: any = byId.get(`https://sanad.example/claims/${ids[k]}#annotation`);
      const pos = a.target.selector.find((x: any) => x.type === "TextPositionSelector");
      expect([pos.start, pos.end]).toEqual([cpBefore[s.start], cpBefore[s.end]]);
      expect(chars.slice(pos.start, pos.end).join("")).toBe("plain words");
    }
  });
});

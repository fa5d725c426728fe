// A project leaves as one file and comes back as a new project with new ids and the same
// content; a damaged file is refused whole.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { unsafeCreateArticle } from "@/lib/articles/create-article";
import { createClaim } from "@/lib/claims/create-claim";
import { addSource } from "@/lib/claims/add-source";
import { linkClaims } from "@/lib/claims/link-claims";
import { retractClaim } from "@/lib/claims/retract-claim";
import { restoreClaim } from "@/lib/claims/restore-claim";
import { putVerdict } from "@/lib/verdicts/put-verdict";
import { deleteComment } from "@/lib/comments/delete-comment";
import { postComment } from "@/lib/comments/post-comment";
import { adjudicateClaim } from "@/lib/review/adjudicate-claim";
import { reopenClaim } from "@/lib/review/reopen-claim";
import { assignArticle } from "@/lib/review/assign-article";
import { markAssignmentSeen } from "@/lib/review/mark-assignment-seen";
import { acceptSuggestion } from "@/lib/suggestions/accept-suggestion";
import { dismissSuggestion } from "@/lib/suggestions/dismiss-suggestion";
import { removeMember } from "@/lib/admin/remove-member";
import { updateProjectSettings } from "@/lib/admin/update-project-settings";
import { verifyPassword } from "@/lib/auth/password";
import { backupLines } from "@/lib/backup/backup-project";
import { BackupRefused, restoreProject } from "@/lib/backup/restore-project";
import { unsafeExportStream } from "@/lib/export/export-project";
import { runCli } from "@/cli/run";
import { addMember, makeProject, makeUser, unique } from "../factories";

const SY24 = readFileSync(path.join(process.cwd(), "seeds/sy24-coalition.txt"), "utf8");
const EMOJI_BODY = "👍🏽 The council said 3,200 homes were rebuilt, not 2,900 as reported. A spokesman confirmed it.";

const span = (body: string, text: string) => {
  const start = body.indexOf(text);
  if (start < 0) throw new Error(`"${text}" is not in the body`);
  return { start, end: start + text.length };
};

/** A project with a row in every table a backup must carry, in most of the states each can be in. */
async function richProject() {
  const project = await makeProject(unique("مكتب"));
  const admin = await makeUser({ isAdmin: true, name: "Admin" });
  const editor = await makeUser({ name: "Editor" });
  const r1 = await makeUser({ name: "Reviewer One" });
  const r2 = await makeUser({ name: "Reviewer Two" });
  const leaver = await makeUser({ name: "Leaver" });
  await addMember(project.id, editor.user.id, "editor");
  await addMember(project.id, r1.user.id, "reviewer");
  await addMember(project.id, r2.user.id, "reviewer");
  await addMember(project.id, leaver.user.id, "reviewer");
  await updateProjectSettings({ actor: editor.actor, projectId: project.id, settings: { organizationName: "مرصد", organizationUrl: "https://observatory.example", requiredVerdicts: 2 } });

  const sy24 = await unsafeCreateArticle({
    projectId: project.id,
    createdById: r1.actor.id,
    input: { title: "التحالف الدولي: حرّرنا 7 ملايين شخص", body: SY24, sourceUrl: "https://sy-24.example/a", outlet: "SY24", publishedAt: new Date("2019-03-23T00:00:00Z") },
  });
  const en = await unsafeCreateArticle({ projectId: project.id, createdById: r2.actor.id, input: { title: "Homes", body: EMOJI_BODY, language: "en" } });
  // Two articles created in the same millisecond: only their ids order them.
  const same = new Date("2024-01-01T00:00:00Z");
  for (const title of ["twin a", "twin b"]) {
    await db.article.create({ data: { projectId: project.id, title, body: `${title} body`, language: "en", direction: "ltr", contentHash: unique("h"), createdById: editor.user.id, createdAt: same } });
  }

  // Suggestions: a contradiction accepted (two claims and a link), one claim suggestion dismissed.
  const suggestions = await db.suggestion.findMany({ where: { articleId: sy24 }, orderBy: { start: "asc" } });
  const contradiction = suggestions.find((s) => s.type === "contradiction");
  if (!contradiction) throw new Error("the SY24 article should yield a contradiction");
  const accepted = await acceptSuggestion({ actor: r1.actor, suggestionId: contradiction.id });
  const pending = await db.suggestion.findMany({ where: { articleId: sy24, state: "pending", type: "claim" }, orderBy: { start: "asc" } });
  await dismissSuggestion({ actor: r2.actor, suggestionId: pending[pending.length - 1].id });

  const [a, b] = accepted.claims;
  await putVerdict({ actor: r1.actor, claimId: a.id, input: { rating: "2", rationale: "7 vs 7.7 million" } });
  await putVerdict({ actor: r2.actor, claimId: a.id, input: { rating: "3", rationale: "rounded" } });
  await putVerdict({ actor: leaver.actor, claimId: a.id, input: { rating: "unverifiable", rationale: "left before deciding" } });
  await addSource({ actor: r1.actor, claimId: a.id, input: { url: "https://un.example/r", title: "UN", publisher: "UN", excerpt: "7.7", stance: "refutes", readAt: new Date("2024-02-02T00:00:00Z") } });
  await adjudicateClaim({ actor: editor.actor, claimId: a.id, rating: "3", note: "first decision" });
  await reopenClaim({ actor: editor.actor, claimId: a.id, reason: "new evidence" });
  await adjudicateClaim({ actor: editor.actor, claimId: a.id, rating: "2", note: "second decision" });
  await putVerdict({ actor: r1.actor, claimId: b.id, input: { rating: "5", rationale: "quoted" } });
  // A verdict changed once keeps its version.
  await putVerdict({ actor: r1.actor, claimId: b.id, input: { rating: "4", rationale: "quoted, nearly", version: 1 } });

  const homes = await createClaim({ actor: r2.actor, articleId: en, input: { ...span(EMOJI_BODY, "3,200 homes were rebuilt"), note: "check the council minutes" } });
  const gone = await createClaim({ actor: r2.actor, articleId: en, input: span(EMOJI_BODY, "A spokesman confirmed it") });
  await retractClaim({ actor: r2.actor, claimId: gone.id, reason: "not checkable" });
  const back = await createClaim({ actor: r1.actor, articleId: en, input: span(EMOJI_BODY, "not 2,900 as reported") });
  await retractClaim({ actor: r1.actor, claimId: back.id, reason: "oops" });
  await restoreClaim({ actor: r1.actor, claimId: back.id });
  await linkClaims({ actor: r2.actor, claimId: homes.id, otherClaimId: back.id, relation: "same_as" });
  await addSource({ actor: r2.actor, claimId: homes.id, input: { url: "http://council.example/minutes", stance: "supports" } });

  await assignArticle({ actor: editor.actor, articleId: en, reviewerIds: [r1.user.id, r2.user.id] });
  await markAssignmentSeen({ actor: r1.actor, articleId: en });
  // A thread: a comment mentioning a reviewer, a reply, one deleted; and an article comment.
  const asked = await postComment({ actor: r1.actor, thread: { kind: "claim", id: homes.id }, input: { body: `@${r2.user.name} which minutes?` } });
  await postComment({ actor: r2.actor, thread: { kind: "claim", id: homes.id }, input: { body: "March", parentId: asked.id } });
  const oops = await postComment({ actor: editor.actor, thread: { kind: "article", id: en }, input: { body: "wrong thread" } });
  await deleteComment({ actor: editor.actor, commentId: oops.id, version: 1 });
  await removeMember({ actor: admin.actor, projectId: project.id, userId: leaver.user.id });
  return { project, editor, r1, r2, leaver, claims: { a, b, homes, gone, back } };
}

async function backupToFile(projectId: string, file: string) {
  let text = "";
  for await (const line of backupLines(projectId)) text += line;
  writeFileSync(file, text);
  return text;
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "sanad-backup-"));

/**
 * A backup's content with ids replaced by their order of first appearance, without the parts
 * that must differ (the header's time, the footer's checksum, audit sequence numbers).
 */
function normalize(text: string) {
  const rows = text.trimEnd().split("\n").map((l) => JSON.parse(l));
  const ids = new Set<string>();
  for (const r of rows) if (r.t !== "audit" && typeof r.id === "string") ids.add(r.id);
  const names = new Map<string, string>();
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      if (!ids.has(v)) return v;
      if (!names.has(v)) names.set(v, `#${names.size}`);
      return names.get(v);
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return rows.map((r) => {
    if (r.t === "header") return { ...r, createdAt: "(differs)" };
    if (r.t === "footer") return { ...r, sha256: "(differs)" };
    if (r.t === "audit") return walk({ ...r, id: "(sequence)" });
    return walk(r);
  });
}

/** Export lines with every `id` or `…Id` value replaced by its order of first appearance. */
function renameIds(text: string) {
  const names = new Map<string, string>();
  const walk = (v: unknown, key = ""): unknown => {
    if (typeof v === "string" && /^(id|.*Id)$/.test(key)) {
      if (!names.has(v)) names.set(v, `#${names.size}`);
      return names.get(v);
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return text.trimEnd().split("\n").filter(Boolean).map((l) => walk(JSON.parse(l)));
}

async function countRows() {
  const [projects, users, memberships, articles, sentences, quantities, suggestions, claims, links, sources, verdicts, adjudications, assignments, audit] = await Promise.all([
    db.project.count(), db.user.count(), db.membership.count(), db.article.count(), db.sentence.count(), db.quantity.count(), db.suggestion.count(),
    db.claim.count(), db.claimLink.count(), db.source.count(), db.verdict.count(), db.adjudication.count(), db.assignment.count(), db.auditEvent.count(),
  ]);
  return { projects, users, memberships, articles, sentences, quantities, suggestions, claims, links, sources, verdicts, adjudications, assignments, audit };
}

/** Rewrites a backup's lines and re-seals it, as someone who knows the format could. */
function reseal(text: string, edit: (rows: any[]) => any[]) {
  const rows = edit(text.trimEnd().split("\n").map((l) => JSON.parse(l)).filter((r) => r.t !== "footer"));
  const hash = createHash("sha256");
  const counts: Record<string, number> = {};
  let out = "";
  for (const r of rows) {
    const line = JSON.stringify(r) + "\n";
    hash.update(line);
    if (r.t !== "header") counts[r.t] = (counts[r.t] ?? 0) + 1;
    out += line;
  }
  return out + JSON.stringify({ t: "footer", counts, sha256: hash.digest("hex") }) + "\n";
}

describe("backup and restore", () => {
  it("restores a whole project as a new one whose backup has the same content, ids aside", async () => {
    const d = await richProject();
    const dir = tmp();
    const original = await backupToFile(d.project.id, path.join(dir, "a.sanad"));
    const kinds = new Set(original.trimEnd().split("\n").map((l) => JSON.parse(l).t));
    for (const t of ["header", "project", "user", "membership", "article", "suggestion", "assignment", "claim", "source", "verdict", "adjudication", "link", "audit", "footer"]) {
      expect(kinds).toContain(t);
    }

    const before = await countRows();
    const { projectId } = await restoreProject(path.join(dir, "a.sanad"));
    expect(projectId).not.toBe(d.project.id);
    const after = await countRows();
    // Everything doubled, except users, who are matched by email.
    for (const [k, n] of Object.entries(before)) {
      if (k === "users") expect(after.users).toBe(n);
      else if (k !== "audit") expect([k, after[k as keyof typeof after]]).toEqual([k, 2 * n]);
    }
    expect(after.audit - before.audit).toBe(await db.auditEvent.count({ where: { projectId: d.project.id } }));

    const restored = await backupToFile(projectId, path.join(dir, "b.sanad"));
    expect(normalize(restored)).toEqual(normalize(original));

    // New ids everywhere, and no id of the original left in the restored rows.
    const oldClaimIds = new Set((await db.claim.findMany({ where: { projectId: d.project.id } })).map((c) => c.id));
    const newClaims = await db.claim.findMany({ where: { projectId }, orderBy: { createdAt: "asc" } });
    expect(newClaims.filter((c) => oldClaimIds.has(c.id))).toEqual([]);
    // A new id is the restore's prefix followed by the old one (memory stays flat): an old id
    // left behind is one that stands as a whole word.
    for (const line of restored.split("\n").filter(Boolean)) for (const word of line.match(/[A-Za-z0-9]+/g) ?? []) expect(oldClaimIds.has(word)).toBe(false);

    // Timestamps and versions come back as they were.
    const oldClaims = await db.claim.findMany({ where: { projectId: d.project.id }, orderBy: { createdAt: "asc" } });
    expect(newClaims.map((c) => [c.text, c.status, c.version, c.createdAt.toISOString(), c.updatedAt.toISOString(), c.verifiedAt?.toISOString() ?? null])).toEqual(
      oldClaims.map((c) => [c.text, c.status, c.version, c.createdAt.toISOString(), c.updatedAt.toISOString(), c.verifiedAt?.toISOString() ?? null]),
    );
    const leaverVerdict = await db.verdict.findFirst({ where: { claim: { projectId }, reviewerId: d.leaver.user.id } });
    expect(leaverVerdict?.rationale).toBe("left before deciding");
    expect(await db.membership.count({ where: { projectId, userId: d.leaver.user.id } })).toBe(0);
    const history = await db.adjudication.findMany({ where: { claim: { projectId } }, orderBy: { createdAt: "asc" } });
    expect(history.map((h) => [h.note, h.supersededAt !== null])).toEqual([["first decision", true], ["second decision", false]]);

    // The restored project exports what the original did.
    const exportOf = async (id: string) =>
      renameIds(await new Response(await unsafeExportStream({ format: "jsonl", filter: { projectId: id, status: "all" }, baseUrl: "https://x.example" })).text());
    const exported = await exportOf(d.project.id);
    expect(exported).toHaveLength(4);
    expect(await exportOf(projectId)).toEqual(exported);
  });

  it("refuses a truncated file and restores nothing", async () => {
    const d = await richProject();
    const dir = tmp();
    const text = await backupToFile(d.project.id, path.join(dir, "full.sanad"));
    const before = await countRows();

    const bytes = Buffer.from(text, "utf8");
    writeFileSync(path.join(dir, "half.sanad"), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const half = await restoreProject(path.join(dir, "half.sanad")).catch((e) => e);
    expect(half).toBeInstanceOf(BackupRefused);
    expect(half.message).toMatch(/truncated|damaged/);

    const lines = text.trimEnd().split("\n");
    writeFileSync(path.join(dir, "nofooter.sanad"), lines.slice(0, -1).join("\n") + "\n");
    const noFooter = await restoreProject(path.join(dir, "nofooter.sanad")).catch((e) => e);
    expect(noFooter).toBeInstanceOf(BackupRefused);
    expect(noFooter.message).toMatch(/truncated/);

    writeFileSync(path.join(dir, "empty.sanad"), "");
    expect((await restoreProject(path.join(dir, "empty.sanad")).catch((e) => e)).message).toMatch(/empty/);

    expect(await countRows()).toEqual(before);
  });

  it("refuses a tampered file, or one that is not a backup, and restores nothing", async () => {
    const d = await richProject();
    const dir = tmp();
    const text = await backupToFile(d.project.id, path.join(dir, "full.sanad"));
    const before = await countRows();

    // One verdict's rating changed by hand.
    const lines = text.split("\n");
    const i = lines.findIndex((l) => l.startsWith('{"t":"verdict"') && l.includes('"rating":"2"'));
    expect(i).toBeGreaterThan(0);
    lines[i] = lines[i].replace('"rating":"2"', '"rating":"5"');
    writeFileSync(path.join(dir, "edited.sanad"), lines.join("\n"));
    const edited = await restoreProject(path.join(dir, "edited.sanad")).catch((e) => e);
    expect(edited).toBeInstanceOf(BackupRefused);
    expect(edited.message).toMatch(/checksum/);

    // A line dropped from the middle, the checksum left alone.
    const dropped = text.split("\n");
    dropped.splice(dropped.findIndex((l) => l.startsWith('{"t":"source"')), 1);
    writeFileSync(path.join(dir, "dropped.sanad"), dropped.join("\n"));
    expect((await restoreProject(path.join(dir, "dropped.sanad")).catch((e) => e)).message).toMatch(/checksum|counts/);

    // A line that is JSON but not a row.
    const notRow = text.split("\n");
    notRow.splice(3, 0, "null");
    writeFileSync(path.join(dir, "null.sanad"), notRow.join("\n"));
    expect((await restoreProject(path.join(dir, "null.sanad")).catch((e) => e)).message).toMatch(/line 4 is not a backup row/);

    // Data after the footer.
    writeFileSync(path.join(dir, "appended.sanad"), text + '{"t":"claim"}\n');
    expect((await restoreProject(path.join(dir, "appended.sanad")).catch((e) => e)).message).toMatch(/after the footer/);

    // An export is not a backup.
    const jsonl = await new Response(await unsafeExportStream({ format: "jsonl", filter: { projectId: d.project.id, status: "all" }, baseUrl: "https://x.example" })).text();
    writeFileSync(path.join(dir, "export.jsonl"), jsonl);
    expect((await restoreProject(path.join(dir, "export.jsonl")).catch((e) => e)).message).toMatch(/not a Sanad backup/);

    // A future version.
    writeFileSync(path.join(dir, "v9.sanad"), reseal(text, (rows) => rows.map((r) => (r.t === "header" ? { ...r, version: 9 } : r))));
    expect((await restoreProject(path.join(dir, "v9.sanad")).catch((e) => e)).message).toMatch(/version 9/);

    expect(await countRows()).toEqual(before);
  });

  it("undoes everything when a row fails part-way through, even in a correctly sealed file", async () => {
    const d = await richProject();
    const dir = tmp();
    const text = await backupToFile(d.project.id, path.join(dir, "full.sanad"));
    const before = await countRows();
    // The last claim points at an article the file does not hold: found only after the project,
    // users, articles and most claims have been written.
    const broken = reseal(text, (rows) => {
      const last = rows.findLastIndex((r) => r.t === "claim");
      rows[last] = { ...rows[last], articleId: "no-such-article" };
      return rows;
    });
    writeFileSync(path.join(dir, "broken.sanad"), broken);
    const err = await restoreProject(path.join(dir, "broken.sanad")).catch((e) => e);
    expect(err).toBeInstanceOf(BackupRefused);
    expect(err.message).toMatch(/nothing was written/);
    expect(await countRows()).toEqual(before);
  });

  it("creates users the database does not know, without a usable password", async () => {
    const d = await richProject();
    const dir = tmp();
    const text = await backupToFile(d.project.id, path.join(dir, "full.sanad"));
    const stranger = `${unique("stranger")}@elsewhere.test`;
    const moved = reseal(text, (rows) => rows.map((r) => (r.t === "user" && r.id === d.r2.user.id ? { ...r, email: stranger } : r)));
    writeFileSync(path.join(dir, "moved.sanad"), moved);
    const { projectId } = await restoreProject(path.join(dir, "moved.sanad"));
    const created = await db.user.findUniqueOrThrow({ where: { email: stranger } });
    expect(created.id).not.toBe(d.r2.user.id);
    expect(created.name).toBe("Reviewer Two");
    expect(created.isAdmin).toBe(false);
    expect(await verifyPassword("correct horse battery staple", created.passwordHash)).toBe(false);
    expect(await db.membership.findFirst({ where: { projectId, userId: created.id } })).toMatchObject({ role: "reviewer" });
    expect(await db.verdict.count({ where: { reviewerId: created.id } })).toBeGreaterThan(0);
  });
});

describe("the backup and restore commands", () => {
  it("back up a project by name and restore it as a new project; a damaged file is refused with a message", async () => {
    const d = await richProject();
    const dir = tmp();
    const file = path.join(dir, "desk.sanad");
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await runCli(["backup", "--project", d.project.name, "--out", file])).toBe(0);
      expect(await runCli(["restore", file])).toBe(0);
      const said = log.mock.calls.map((c) => String(c[0])).join("\n");
      const newId = said.match(/as a new project: (\S+)/)?.[1];
      expect(newId).toBeTruthy();
      expect(newId).not.toBe(d.project.id);
      expect(await db.claim.count({ where: { projectId: newId } })).toBe(await db.claim.count({ where: { projectId: d.project.id } }));

      const before = await countRows();
      writeFileSync(path.join(dir, "cut.sanad"), readFileSync(file).subarray(0, 5_000));
      expect(await runCli(["restore", path.join(dir, "cut.sanad")])).toBe(2);
      expect(err.mock.calls.map((c) => String(c[0])).join("")).toMatch(/restore refused: .*(truncated|damaged)/);
      expect(await runCli(["backup", "--project", d.project.id])).toBe(2);
      expect(await countRows()).toEqual(before);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  });
});

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/auth/token-hash";
import { addMember, makeProject, makeUser } from "../factories";

/** The real command line, as a desk would run it, on this worker's database. */
function sanad(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/sanad.ts", ...args], {
    env: { ...process.env },
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(path.join(os.tmpdir(), "sanad-cli-"));

describe("sanad analyze", () => {
  it("prints the analysis of the SY24 article as JSON, with the 7 million / 7.7 million contradiction", () => {
    const r = sanad(["analyze", "--json", "seeds/sy24-coalition.txt"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const body = readFileSync("seeds/sy24-coalition.txt", "utf8");
    expect(out.language).toBe("ar");
    expect(out.direction).toBe("rtl");
    for (const s of out.sentences) expect(body.slice(s.start, s.end)).toBe(s.text);
    const pairs = out.discrepancies.map((d: { a: number; b: number }) => [out.quantities[d.a].value, out.quantities[d.b].value]);
    expect(pairs).toContainEqual([7_000_000, 7_700_000]);
    expect(pairs.some(([a, b]: number[]) => a === 110_000 && b === 110_000)).toBe(false);
  });

  it("reads standard input with - and prints a readable report without --json", () => {
    const r = sanad(["analyze", "-"], "The city planted 12,000 trees. Officials said 12 thousand trees.");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("12,000");
    expect(() => JSON.parse(r.stdout)).toThrow();
  });

  it("refuses a missing file and an unknown command with a message, not a stack trace", () => {
    const missing = sanad(["analyze", "--json", path.join(dir, "nope.txt")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^sanad: /);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const unknown = sanad(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown command");
  });
});

describe("sanad import", () => {
  it("imports JSONL: created, duplicates and rejected lines with line numbers; bad lines never stop the rest", async () => {
    const project = await makeProject();
    const { user } = await makeUser();
    await addMember(project.id, user.id, "editor");
    const file = path.join(dir, "articles.jsonl");
    const lines = [
      JSON.stringify({ title: "One", body: "The city planted 12,000 trees last year." }),
      "{not json",
      JSON.stringify({ title: "Two", body: "غمرت الفيضانات 2.4 مليون هكتار.", language: "ar", sourceUrl: "https://example.org/a" }),
      JSON.stringify({ title: "Dup", body: "The city planted 12,000 trees last year." }),
      JSON.stringify({ title: "", body: "x", sourceUrl: "javascript:alert(1)" }),
      "",
      JSON.stringify({ title: "Three", body: "Mr. Smith said 2.5 million meals were delivered." }),
    ];
    writeFileSync(file, lines.join("\n") + "\n");
    const r = sanad(["import", "--project", project.id, "--json", file]);
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.stdout);
    expect(summary.created).toBe(3);
    expect(summary.duplicates.map((d: { line: number }) => d.line)).toEqual([4]);
    expect(summary.rejected.map((x: { line: number }) => x.line)).toEqual([2, 5]);
    expect(summary.rejected[1].reason).toMatch(/title/);
    expect(summary.rejected[1].reason).toMatch(/sourceUrl/);
    const articles = await db.article.findMany({ where: { projectId: project.id }, include: { _count: { select: { sentences: true } } } });
    expect(articles.map((a) => a.title).sort()).toEqual(["One", "Three", "Two"]);
    for (const a of articles) expect(a._count.sentences).toBeGreaterThan(0);
  });

  it("finds the project by name, and says clearly when it does not exist", async () => {
    const project = await makeProject("Desk by name");
    const { user } = await makeUser();
    await addMember(project.id, user.id, "reviewer");
    const file = path.join(dir, "one.jsonl");
    writeFileSync(file, JSON.stringify({ title: "t", body: "Hello world." }) + "\n");
    expect(sanad(["import", "--project", "Desk by name", file]).code).toBe(0);
    const missing = sanad(["import", "--project", "No such desk", file]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No project "No such desk"');
  });
});

describe("sanad admin commands", () => {
  it("adds a user (password from standard input), a project, a member and a token that works as a hash only", async () => {
    const admin = sanad(["user", "add", "--email", "chief@desk.test", "--name", "Chief", "--admin"], "a long enough password\n");
    expect(admin.code, admin.stderr).toBe(0);
    const user = await db.user.findUniqueOrThrow({ where: { email: "chief@desk.test" } });
    expect(user.isAdmin).toBe(true);
    expect(user.passwordHash).not.toContain("a long enough password");
    const again = sanad(["user", "add", "--email", "chief@desk.test", "--name", "Chief"], "another password 123\n");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("exists");

    expect(sanad(["project", "add", "--name", "Beirut desk"]).code).toBe(0);
    const project = await db.project.findFirstOrThrow({ where: { name: "Beirut desk" } });
    sanad(["user", "add", "--email", "rev@desk.test", "--name", "Rev"], "reviewer password 1\n");
    const member = sanad(["member", "add", "--project", "Beirut desk", "--email", "rev@desk.test", "--role", "reviewer"]);
    expect(member.code, member.stderr).toBe(0);
    // The command line is no person: creating the project made no one its editor; the reviewer is its one member.
    expect(await db.membership.findMany({ where: { projectId: project.id }, select: { role: true } })).toEqual([{ role: "reviewer" }]);
    expect(sanad(["member", "add", "--project", "Beirut desk", "--email", "rev@desk.test", "--role", "owner"]).code).toBe(1);

    const token = sanad(["token", "create", "--email", "rev@desk.test", "--label", "cms"]);
    expect(token.code).toBe(0);
    const secret = token.stdout.trim();
    expect(secret).toMatch(/^sanad_[A-Za-z0-9_-]{40,}$/);
    const stored = await db.apiToken.findFirstOrThrow({ where: { label: "cms" } });
    expect(stored.tokenHash).toBe(hashToken(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);
  });
});

// The command line acts as itself (issue 19): the audit rows it writes carry no user id and name
// the command line, the operating-system user that ran it and the trust it acted with; rows it
// creates name no person as their creator. Users acting through the API are named as before.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { runCli } from "@/cli/run";
import { commandLineActor, isSystemActor, type SystemActor } from "@/lib/auth/system-actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { addMember as addMemberOp } from "@/lib/admin/add-member";
import { createProject } from "@/lib/admin/create-project";
import { removeMember } from "@/lib/admin/remove-member";
import { createToken } from "@/lib/admin/create-token";
import { deactivateUser } from "@/lib/accounts/deactivate-user";
import { reactivateUser } from "@/lib/accounts/reactivate-user";
import { issuePasswordReset } from "@/lib/accounts/issue-password-reset";
import { createArticle } from "@/lib/articles/create-article";
import { importFactChecks } from "@/lib/fact-checks/import-fact-checks";
import { requireMemberOrOperator } from "@/lib/projects/require-member";
import { search } from "@/lib/search/search";
import { makeProject, makeUser, unique } from "../factories";

const OS_USER = os.userInfo().username;
const COMMAND_LINE = { actorId: null, actorKind: "system", actorName: `command line (os user ${OS_USER})`, actorRole: "operator" };
const dir = mkdtempSync(path.join(os.tmpdir(), "sanad-cli-actor-"));

const claimReview = (url: string) => ({
  "@context": "https://schema.org",
  "@type": "ClaimReview",
  url,
  claimReviewed: "A minister said 4,000 schools reopened this month.",
  datePublished: "2026-10-02",
  author: { "@type": "Organization", name: "Example Checks", url: "https://checks.example/" },
  reviewRating: { "@type": "Rating", ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Mostly false" },
});

/** The audit rows about these entities, oldest first, as who-did-what. */
async function auditOf(where: { projectId?: string; entityId?: string | { in: string[] } }) {
  const rows = await db.auditEvent.findMany({ where, orderBy: { id: "asc" } });
  return rows.map((r) => ({ entity: r.entity, action: r.action, actorId: r.actorId, actorKind: r.actorKind, actorName: r.actorName, actorRole: r.actorRole }));
}

let out: string[] = [];
beforeEach(() => {
  out = [];
  vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(console, "error").mockImplementation(() => {});
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

describe("the command line's audit identity", () => {
  it("every command that writes the audit trail names the command line and the OS user, never a user id", async () => {
    // user add reads its password from standard input: the real command line, in its own process.
    const email = `${unique("chief")}@desk.test`;
    const added = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/sanad.ts", "user", "add", "--email", email, "--name", "Chief", "--admin"], {
      env: { ...process.env },
      input: "a long enough password\n",
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(added.status, added.stderr).toBe(0);
    const chief = await db.user.findUniqueOrThrow({ where: { email } });
    const reviewer = await makeUser({ name: "Reviewer" });

    const name = unique("Desk");
    expect(await runCli(["project", "add", "--name", name])).toBe(0);
    const project = await db.project.findFirstOrThrow({ where: { name } });
    // No person created it, so no one became its editor by it.
    expect(await db.membership.count({ where: { projectId: project.id } })).toBe(0);

    expect(await runCli(["member", "add", "--project", name, "--email", email, "--role", "editor"])).toBe(0);
    expect(await runCli(["member", "add", "--project", project.id, "--email", reviewer.user.email, "--role", "reviewer"])).toBe(0);
    expect(await runCli(["member", "remove", "--project", project.id, "--email", reviewer.user.email])).toBe(0);
    expect(await runCli(["token", "create", "--email", email, "--label", "cms"])).toBe(0);

    const articles = path.join(dir, "articles.jsonl");
    writeFileSync(articles, JSON.stringify({ title: "Schools", body: "The ministry said 4,000 schools reopened this month." }) + "\n");
    expect(await runCli(["import", "--project", project.id, articles])).toBe(0);
    const checks = path.join(dir, "checks.json");
    writeFileSync(checks, JSON.stringify([claimReview(`https://checks.example/${unique("c")}`)]));
    expect(await runCli(["fact-checks", "import", "--project", project.id, checks])).toBe(0);

    expect(await runCli(["user", "deactivate", "--email", reviewer.user.email])).toBe(0);
    expect(await runCli(["user", "reactivate", "--email", reviewer.user.email])).toBe(0);
    expect(await runCli(["user", "reset-password", "--email", reviewer.user.email])).toBe(0);

    const token = await db.apiToken.findFirstOrThrow({ where: { userId: chief.id, label: "cms" } });
    const projectRows = await auditOf({ projectId: project.id });
    expect(projectRows.map((r) => `${r.entity} ${r.action}`)).toEqual([
      "project create",
      "membership add",
      "membership add",
      "membership remove",
      "article import",
      "fact-check import",
    ]);
    const accountRows = await auditOf({ entityId: { in: [chief.id, reviewer.user.id, token.id] } });
    expect(accountRows.map((r) => `${r.entity} ${r.action}`)).toEqual([
      "user create",
      "token create",
      "user deactivate",
      "user reactivate",
      "user reset-password-link",
    ]);
    for (const row of [...projectRows, ...accountRows]) expect(row, `${row.entity} ${row.action}`).toMatchObject(COMMAND_LINE);

    // What it created names no person as its creator; the feed it caused names no user either.
    const article = await db.article.findFirstOrThrow({ where: { projectId: project.id } });
    expect(article.createdById).toBeNull();
    const check = await db.referenceFactCheck.findFirstOrThrow({ where: { projectId: project.id } });
    expect(check.createdById).toBeNull();
    const feed = await db.event.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" } });
    expect(feed.map((e) => e.type)).toEqual(["member.added", "member.added", "member.removed", "article.imported"]);
    for (const e of feed) expect(e.actorId).toBeNull();

    // Reading as an operator works on a project it is no member of, and writes nothing.
    const before = await db.auditEvent.count();
    expect(await runCli(["search", "--project", project.id, "--json", "schools"])).toBe(0);
    expect(JSON.parse(out.at(-1)!).items.map((h: { type: string }) => h.type).sort()).toEqual(["article", "fact-check"]);
    expect(await db.auditEvent.count()).toBe(before);

    // A backup and restore keep who did what: the restored trail still names the command line.
    const file = path.join(dir, "desk.sanad");
    expect(await runCli(["backup", "--project", project.id, "--out", file])).toBe(0);
    expect(await runCli(["restore", file])).toBe(0);
    const restoredId = out.join("\n").match(/as a new project: (\S+)/)![1];
    const restored = await auditOf({ projectId: restoredId });
    expect(restored.map((r) => `${r.entity} ${r.action}`)).toEqual(projectRows.map((r) => `${r.entity} ${r.action}`));
    for (const row of restored) expect(row).toMatchObject(COMMAND_LINE);
    expect((await db.article.findFirstOrThrow({ where: { projectId: restoredId } })).createdById).toBeNull();
  }, 180_000);

  it("the same operations, called for a signed-in user (as the API does), still name that user", async () => {
    const { actor: admin } = await makeUser({ isAdmin: true });
    const { user } = await makeUser();
    const project = await createProject({ actor: admin, name: unique("Desk") });
    // A creating user becomes its editor, as before.
    expect(await db.membership.findMany({ where: { projectId: project.id }, select: { userId: true, role: true } })).toEqual([{ userId: admin.id, role: "editor" }]);
    await addMemberOp({ actor: admin, projectId: project.id, email: user.email, role: "reviewer" });
    await removeMember({ actor: admin, projectId: project.id, userId: user.id });
    const articleId = await createArticle({ actor: admin, projectId: project.id, input: { title: "t", body: "The city planted 12,000 trees." } });
    await importFactChecks({ actor: admin, projectId: project.id, items: [{ index: 0, value: claimReview(`https://checks.example/${unique("u")}`) }], report: () => {} });
    const token = await createToken({ userId: admin.id, label: "mine", actor: admin });
    await deactivateUser({ actor: admin, userId: user.id });
    await reactivateUser({ actor: admin, userId: user.id });
    await issuePasswordReset({ actor: admin, userId: user.id, baseUrl: "https://sanad.example" });

    const rows = [...(await auditOf({ projectId: project.id })), ...(await auditOf({ entityId: { in: [user.id, token.id] } }))];
    expect(rows.map((r) => `${r.entity} ${r.action}`)).toEqual([
      "project create", "membership add", "membership remove", "article import", "fact-check import",
      "token create", "user deactivate", "user reactivate", "user reset-password-link",
    ]);
    for (const row of rows) expect(row, `${row.entity} ${row.action}`).toMatchObject({ actorId: admin.id, actorKind: "user", actorName: null, actorRole: null });
    expect((await db.article.findUniqueOrThrow({ where: { id: articleId } })).createdById).toBe(admin.id);
    expect((await db.referenceFactCheck.findFirstOrThrow({ where: { projectId: project.id } })).createdById).toBe(admin.id);
  });
});

describe("the system actor cannot be had by anyone but the command line", () => {
  it("is never minted inside the web app's server", () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    try {
      expect(() => commandLineActor()).toThrow(/command line/);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(isSystemActor(commandLineActor())).toBe(true);
  });

  it("a look-alike object is no system actor: operations and the audit refuse it", async () => {
    const forged = { kind: "system", name: "command line (os user root)", osUser: "root", role: "operator", isAdmin: true } as SystemActor;
    expect(isSystemActor(forged)).toBe(false);
    const name = unique("Forged");
    await expect(createProject({ actor: forged, name })).rejects.toThrow(/not minted/);
    await expect(requireMemberOrOperator(forged, (await makeProject()).id)).rejects.toMatchObject({ code: "not_found" });
    await expect(db.$transaction((tx) => writeAudit(tx, { actorId: null, system: forged, projectId: null, entity: "project", entityId: "x", action: "note" }))).rejects.toThrow(/minted/);
    expect(await db.project.count({ where: { name } })).toBe(0);
  });

  it("is trusted as an operator only in projects that exist", async () => {
    await expect(requireMemberOrOperator(commandLineActor(), "cmissing0000000000000000000")).rejects.toMatchObject({ code: "not_found" });
    await expect(search({ actor: commandLineActor(), query: { q: "schools", limit: 5 } as never })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("the database refuses a system row that names a user, and a user row that borrows a system name", async () => {
    const { user } = await makeUser();
    await expect(
      db.$executeRaw`INSERT INTO audit_events (actor_id, actor_kind, actor_name, actor_role, entity, entity_id, action) VALUES (${user.id}, 'system', 'command line (os user x)', 'operator', 'user', 'x', 'note')`,
    ).rejects.toThrow(/audit_events_actor_kind_check/);
    await expect(
      db.$executeRaw`INSERT INTO audit_events (actor_id, actor_kind, actor_name, entity, entity_id, action) VALUES (${user.id}, 'user', 'command line (os user x)', 'user', 'x', 'note')`,
    ).rejects.toThrow(/audit_events_actor_kind_check/);
  });
});

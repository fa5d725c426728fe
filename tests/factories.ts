// Test data that never collides: every factory makes unique rows, so tests run in parallel.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/session";
import { hashToken } from "@/lib/auth/token-hash";
import type { ProjectRole } from "@/lib/permissions/roles";

export const unique = (prefix = "x") => `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
export const PASSWORD = "correct horse battery staple";
let cachedHash: Promise<string> | null = null;

export async function makeUser(opts: { isAdmin?: boolean; name?: string; password?: string } = {}) {
  const hash = opts.password ? hashPassword(opts.password) : (cachedHash ??= hashPassword(PASSWORD));
  const user = await db.user.create({
    data: { email: `${unique("user")}@sanad.test`, name: opts.name ?? "Test User", isAdmin: opts.isAdmin ?? false, passwordHash: await hash },
  });
  const actor: Actor = { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, via: "session" };
  return { user, actor };
}

export async function makeProject(name = unique("project")) {
  return db.project.create({ data: { name } });
}

export async function addMember(projectId: string, userId: string, role: ProjectRole) {
  return db.membership.create({ data: { projectId, userId, role } });
}

export async function makeToken(userId: string) {
  const token = `sanad_${randomBytes(24).toString("base64url")}`;
  await db.apiToken.create({ data: { userId, label: "test", tokenHash: hashToken(token) } });
  return token;
}

/** A project with an editor, two reviewers and an outsider (a member of another project), each with a token. */
export async function makeDesk() {
  const project = await makeProject();
  const other = await makeProject();
  const editor = await makeUser({ name: "Editor" });
  const reviewer = await makeUser({ name: "Reviewer One" });
  const reviewer2 = await makeUser({ name: "Reviewer Two" });
  const outsider = await makeUser({ name: "Outsider" });
  const admin = await makeUser({ name: "Admin", isAdmin: true });
  await addMember(project.id, editor.user.id, "editor");
  await addMember(project.id, reviewer.user.id, "reviewer");
  await addMember(project.id, reviewer2.user.id, "reviewer");
  await addMember(other.id, outsider.user.id, "editor");
  const [editorToken, reviewerToken, reviewer2Token, outsiderToken, adminToken] = await Promise.all(
    [editor, reviewer, reviewer2, outsider, admin].map((u) => makeToken(u.user.id)),
  );
  return {
    project,
    other,
    editor: { ...editor, token: editorToken },
    reviewer: { ...reviewer, token: reviewerToken },
    reviewer2: { ...reviewer2, token: reviewer2Token },
    outsider: { ...outsider, token: outsiderToken },
    admin: { ...admin, token: adminToken },
  };
}

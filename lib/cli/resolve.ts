import { db } from "@/lib/db";
import { CliError } from "@/lib/cli/run";

/** A project named on the command line, by id or exact name. */
export async function resolveProject(ref: string | undefined) {
  if (!ref) throw new CliError("--project is required.");
  const byId = await db.project.findUnique({ where: { id: ref } });
  if (byId) return byId;
  const byName = await db.project.findMany({ where: { name: ref }, take: 2 });
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) throw new CliError(`Several projects are named "${ref}"; give its id.`);
  throw new CliError(`No project "${ref}".`);
}

export async function resolveUser(email: string | undefined) {
  if (!email) throw new CliError("--email is required.");
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) throw new CliError(`No user with email ${email}.`);
  return user;
}

/** Who the command line acts as inside a project: its first editor, else its first member. */
export async function projectOperator(projectId: string) {
  const m =
    (await db.membership.findFirst({ where: { projectId, role: "editor" }, orderBy: { createdAt: "asc" } })) ??
    (await db.membership.findFirst({ where: { projectId }, orderBy: { createdAt: "asc" } }));
  if (!m) throw new CliError("The project has no members; add one first (member add).");
  const user = await db.user.findUniqueOrThrow({ where: { id: m.userId } });
  return { id: user.id, email: user.email, name: user.name, isAdmin: true, via: "session" as const };
}

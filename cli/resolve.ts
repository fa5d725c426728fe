import { db } from "@/lib/db";
import { CliError } from "@/cli/errors";

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

import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { CliError, readInput } from "@/lib/cli/run";
import { resolveProject, resolveUser } from "@/lib/cli/resolve";
import { createUser } from "@/lib/admin/create-user";
import { deactivateUser } from "@/lib/accounts/deactivate-user";
import { reactivateUser } from "@/lib/accounts/reactivate-user";
import { issuePasswordReset } from "@/lib/accounts/issue-password-reset";
import { publicBaseUrl } from "@/lib/http/base-url";
import { createToken } from "@/lib/admin/create-token";
import { addMember } from "@/lib/admin/add-member";
import { createProject } from "@/lib/admin/create-project";
import { removeMember } from "@/lib/admin/remove-member";
import { parseWith } from "@/lib/http/api";
import { addMemberSchema, createProjectSchema, createUserSchema } from "@/lib/validation/admin";

// The command line runs with the database's own rights: it acts as a system admin.
const SYSTEM = { id: "", email: "cli", name: "command line", isAdmin: true, via: "session" as const };

async function systemActor() {
  const admin = await db.user.findFirst({ where: { isAdmin: true }, orderBy: { createdAt: "asc" } });
  return admin ? { id: admin.id, email: admin.email, name: admin.name, isAdmin: true, via: "session" as const } : SYSTEM;
}

export async function runAdminCommand(command: string, sub: string | undefined, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      admin: { type: "boolean" },
      project: { type: "string" },
      role: { type: "string" },
      label: { type: "string" },
      language: { type: "string" },
    },
  });
  const key = `${command} ${sub ?? ""}`.trim();
  switch (key) {
    case "user add": {
      const password = readInput("-").replace(/\r?\n$/, "");
      const input = parseWith(createUserSchema, { email: values.email, name: values.name, password, isAdmin: values.admin ?? false });
      const user = await createUser({ ...input, actorId: null });
      console.log(`created user ${user.email} (${user.id})${user.isAdmin ? ", admin" : ""}`);
      return 0;
    }
    // Account lifecycle: the command line acts with the database's own rights (no admin needed).
    case "user deactivate": {
      const user = await resolveUser(values.email);
      const row = await deactivateUser({ actor: null, userId: user.id });
      console.log(`${row.email} is deactivated: signed out everywhere, API tokens revoked`);
      return 0;
    }
    case "user reactivate": {
      const user = await resolveUser(values.email);
      const row = await reactivateUser({ actor: null, userId: user.id });
      console.log(`${row.email} is active again (old API tokens stay revoked)`);
      return 0;
    }
    case "user reset-password": {
      const user = await resolveUser(values.email);
      const link = await issuePasswordReset({ actor: null, userId: user.id, baseUrl: publicBaseUrl() });
      // Only the link goes to standard output, so scripts can capture it.
      console.error(`a one-time reset link for ${link.email}, good until ${link.expiresAt.toISOString()}; pass it on privately:`);
      console.log(link.url);
      return 0;
    }
    case "project add": {
      const input = parseWith(createProjectSchema, { name: values.name, defaultLanguage: values.language });
      const actor = await systemActor();
      if (!actor.id) throw new CliError("Create an admin first: user add --email E --name N --admin");
      const project = await createProject({ actor, ...input });
      console.log(`created project "${project.name}" (${project.id})`);
      return 0;
    }
    case "member add": {
      const project = await resolveProject(values.project);
      const input = parseWith(addMemberSchema, { email: values.email, role: values.role });
      const m = await addMember({ actor: await systemActor(), projectId: project.id, ...input });
      console.log(`${m.user.email} is ${m.role} of "${project.name}"`);
      return 0;
    }
    case "member remove": {
      const project = await resolveProject(values.project);
      const user = await resolveUser(values.email);
      await removeMember({ actor: await systemActor(), projectId: project.id, userId: user.id });
      console.log(`${user.email} removed from "${project.name}"`);
      return 0;
    }
    case "token create": {
      const user = await resolveUser(values.email);
      const token = await createToken({ userId: user.id, label: values.label, actorId: null });
      // Only the token goes to standard output, so scripts can capture it.
      console.error(`token ${token.id} for ${user.email}; it is shown once, keep it safe:`);
      console.log(token.token);
      return 0;
    }
    default:
      throw new CliError(`Unknown command "${key}".`);
  }
}

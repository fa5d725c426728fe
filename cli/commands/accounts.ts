import { parseArgs } from "node:util";
import { CliError } from "@/cli/errors";
import { readInput } from "@/cli/input";
import { resolveProject, resolveUser } from "@/cli/resolve";
import { commandLineActor } from "@/lib/auth/system-actor";
import { createUser } from "@/lib/admin/create-user";
import { deactivateUser } from "@/lib/accounts/deactivate-user";
import { reactivateUser } from "@/lib/accounts/reactivate-user";
import { issuePasswordReset } from "@/lib/accounts/issue-password-reset";
import { publicBaseUrl } from "@/lib/public-url";
import { createToken } from "@/lib/admin/create-token";
import { addMember } from "@/lib/admin/add-member";
import { createProject } from "@/lib/admin/create-project";
import { removeMember } from "@/lib/admin/remove-member";
import { parseWith } from "@/lib/validation/parse";
import { addMemberSchema, createProjectSchema, createUserSchema } from "@/lib/validation/admin";

/** `user …`, `project add`, `member …`, `token create`: the command line acts as itself, trusted as an operator. */
export async function runAccounts(argv: string[], command: string): Promise<number> {
  const [sub, ...args] = argv;
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
  const actor = commandLineActor();
  const key = `${command} ${sub ?? ""}`.trim();
  switch (key) {
    case "user add": {
      const password = readInput("-").replace(/\r?\n$/, "");
      const input = parseWith(createUserSchema, { email: values.email, name: values.name, password, isAdmin: values.admin ?? false });
      const user = await createUser({ ...input, actor });
      console.log(`created user ${user.email} (${user.id})${user.isAdmin ? ", admin" : ""}`);
      return 0;
    }
    case "user deactivate": {
      const user = await resolveUser(values.email);
      const row = await deactivateUser({ actor, userId: user.id });
      console.log(`${row.email} is deactivated: signed out everywhere, API tokens revoked`);
      return 0;
    }
    case "user reactivate": {
      const user = await resolveUser(values.email);
      const row = await reactivateUser({ actor, userId: user.id });
      console.log(`${row.email} is active again (old API tokens stay revoked)`);
      return 0;
    }
    case "user reset-password": {
      const user = await resolveUser(values.email);
      const link = await issuePasswordReset({ actor, userId: user.id, baseUrl: publicBaseUrl() });
      // Only the link goes to standard output, so scripts can capture it.
      console.error(`a one-time reset link for ${link.email}, good until ${link.expiresAt.toISOString()}; pass it on privately:`);
      console.log(link.url);
      return 0;
    }
    case "project add": {
      const input = parseWith(createProjectSchema, { name: values.name, defaultLanguage: values.language });
      const project = await createProject({ actor, ...input });
      console.log(`created project "${project.name}" (${project.id})`);
      // The command line is no person and becomes no member: someone must be named editor.
      console.error(`it has no members yet; name its editor: member add --project ${project.id} --email E --role editor`);
      return 0;
    }
    case "member add": {
      const project = await resolveProject(values.project);
      const input = parseWith(addMemberSchema, { email: values.email, role: values.role });
      const m = await addMember({ actor, projectId: project.id, ...input });
      console.log(`${m.user.email} is ${m.role} of "${project.name}"`);
      return 0;
    }
    case "member remove": {
      const project = await resolveProject(values.project);
      const user = await resolveUser(values.email);
      await removeMember({ actor, projectId: project.id, userId: user.id });
      console.log(`${user.email} removed from "${project.name}"`);
      return 0;
    }
    case "token create": {
      const user = await resolveUser(values.email);
      const token = await createToken({ userId: user.id, label: values.label, actor });
      // Only the token goes to standard output, so scripts can capture it.
      console.error(`token ${token.id} for ${user.email}; it is shown once, keep it safe:`);
      console.log(token.token);
      return 0;
    }
    default:
      throw new CliError(`Unknown command "${key}".`);
  }
}

import "server-only";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getProjectSettings } from "@/lib/projects/get-project-settings";
import { listMembers } from "@/lib/admin/list-members";
import type { MemberRow } from "@/components/settings/members";

/**
 * The project settings page: the same rules as the operations behind its forms (editors and admins
 * change settings, admins change memberships). A member who may not gets `{ forbidden: true }`,
 * an outsider a 404 (thrown as not_found).
 */
export async function loadProjectSettingsPage({ actor, projectId }: { actor: Actor; projectId: string }) {
  let settings;
  try {
    settings = await getProjectSettings({ actor, projectId });
  } catch (e) {
    if (e instanceof AppError && e.code === "forbidden") return { forbidden: true as const };
    throw e;
  }
  const { project, mayManageMembers } = settings;
  const members = JSON.parse(JSON.stringify(await listMembers({ actor, projectId }))) as MemberRow[];
  return {
    forbidden: false as const,
    project: { id: project.id, name: project.name },
    settings: {
      requiredVerdicts: project.requiredVerdicts,
      organizationName: project.organizationName,
      organizationUrl: project.organizationUrl,
      disagreementRule: project.disagreementRule,
    },
    members,
    mayManageMembers,
  };
}

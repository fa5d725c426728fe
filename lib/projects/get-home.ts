import "server-only";
import type { Actor } from "@/lib/auth/session";
import { canManageProjects } from "@/lib/permissions/roles";
import { listAllProjects } from "@/lib/projects/list-all-projects";
import { listProjects } from "@/lib/projects/list-projects";
import { listInbox } from "@/lib/review/list-inbox";

/** The home page: the caller's inbox, their projects, and (for admins) every project. */
export async function getHome({ actor }: { actor: Actor }) {
  const [inbox, projects, all] = await Promise.all([
    listInbox({ actor }),
    listProjects({ actor }),
    canManageProjects(actor) ? listAllProjects({ actor }) : null,
  ]);
  return { inbox, projects, all };
}

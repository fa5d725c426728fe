import "server-only";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canManageProjects } from "@/lib/permissions/roles";

/** The acting admin, or null for the command line (which has the database's own rights). */
export type AdminActor = Actor | null;

/** Refuses anyone but an admin (the command line, acting as null, passes). */
export function requireAdmin(actor: AdminActor) {
  if (actor && !canManageProjects(actor)) throw new AppError("forbidden", "Only an admin may do this.");
}

import "server-only";
import type { AnyActor } from "@/lib/auth/system-actor";
import { AppError } from "@/lib/errors";
import { canManageProjects } from "@/lib/permissions/roles";

/** The acting admin, or the command line (lib/auth/system-actor.ts), trusted as an operator. */
export type AdminActor = AnyActor;

/** Refuses anyone but an admin (the command line, an operator, passes). */
export function requireAdmin(actor: AdminActor) {
  if (!canManageProjects(actor)) throw new AppError("forbidden", "Only an admin may do this.");
}

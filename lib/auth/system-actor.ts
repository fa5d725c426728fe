import os from "node:os";
import type { Actor } from "@/lib/auth/session";

/**
 * The command line acting as itself (issue 19). It is no person: operations it runs write no
 * user id; the audit row names the command line and the operating-system user that ran it, and
 * says it acted as an operator. Where an operation needs a role, the system actor is trusted as
 * an operator: an admin of the house and an editor of every project that exists.
 *
 * It cannot be had over HTTP: requireActor and getSessionActor only ever return users, only
 * actors minted here pass isSystemActor (an object shaped like one does not), and minting
 * refuses to run inside the web app (Next.js sets NEXT_RUNTIME in its server).
 */
export type SystemActor = {
  readonly kind: "system";
  /** "command line (os user NAME)", as the audit trail shows it. */
  readonly name: string;
  readonly osUser: string;
  /** The trust it acts with, recorded on every audit row it writes. */
  readonly role: "operator";
  readonly isAdmin: true;
};

/** Whoever performs an operation the command line also runs: a signed-in user, or the command line. */
export type AnyActor = Actor | SystemActor;

const minted = new WeakSet<object>();

export function commandLineActor(): SystemActor {
  if (process.env.NEXT_RUNTIME) throw new Error("The system actor belongs to the command line; the web app never acts as it.");
  let osUser: string;
  try {
    osUser = os.userInfo().username;
  } catch {
    // No passwd entry for the uid (some containers): say so rather than guess a name.
    osUser = `uid ${process.getuid?.() ?? "unknown"}`;
  }
  const actor: SystemActor = Object.freeze({ kind: "system", name: `command line (os user ${osUser})`, osUser, role: "operator", isAdmin: true });
  minted.add(actor);
  return actor;
}

export function isSystemActor(actor: AnyActor | null | undefined): actor is SystemActor {
  return actor != null && minted.has(actor);
}

/** The user id an operation records for its actor: null for the command line, which is no person. */
export function userIdOf(actor: AnyActor): string | null {
  if (isSystemActor(actor)) return null;
  if ((actor as { kind?: unknown }).kind === "system") throw new Error("A system actor not minted by commandLineActor() was refused.");
  return actor.id;
}

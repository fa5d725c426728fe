// The one guard every page uses: who is signed in (or off to the sign-in page), and "load or 404"
// for the page's data. Operations throw AppError("not_found") for what does not exist and for what
// the caller may not see alike, so a page answers 404 for both and never says which.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { getSessionActor, type Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/** The signed-in person, or a redirect to the sign-in page. */
export async function pageActor(): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  return actor;
}

/**
 * Runs a page's loader: not found (or not visible to this person) becomes the 404 page, and,
 * when `onInvalid` is given, bad input in the address (a cursor, a filter) sends the reader there
 * instead of an error page. Anything else is an error for the error page to show.
 */
export async function loadOr404<T>(load: () => Promise<T>, options: { onInvalid?: string } = {}): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    if (options.onInvalid !== undefined && e instanceof AppError && e.code === "invalid_input") redirect(options.onInvalid);
    throw e;
  }
}

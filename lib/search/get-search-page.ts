import "server-only";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { fieldsOf } from "@/lib/http/api";
import { listProjects } from "@/lib/projects/list-projects";
import { search } from "@/lib/search/search";
import { searchQuerySchema } from "@/lib/validation/search";

export type SearchPageParams = Record<string, string | string[] | undefined>;
const FILTERS = ["q", "projectId", "type", "status", "rating", "from", "to"] as const;

function first(p: SearchPageParams, k: string): string {
  const v = p[k];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

/**
 * The search page: the form's values as given, the caller's projects (the project filter), and,
 * when there are words to search for, the results and the address of the next page, or what is
 * wrong with the query (shown on the page, not an error page).
 */
export async function getSearchPage({ actor, params }: { actor: Actor; params: SearchPageParams }) {
  const values = Object.fromEntries(FILTERS.map((k) => [k, first(params, k)])) as Record<(typeof FILTERS)[number], string>;
  const projects = await listProjects({ actor });

  let result: Awaited<ReturnType<typeof search>> | null = null;
  let problem: string | null = null;
  if (values.q.trim() !== "") {
    const parsed = searchQuerySchema.safeParse({ ...values, cursor: first(params, "cursor") || undefined });
    if (!parsed.success) {
      problem = Object.entries(fieldsOf(parsed.error)).map(([k, v]) => `${k}: ${v}`).join("; ");
    } else {
      try {
        result = await search({ actor, query: parsed.data });
      } catch (e) {
        if (e instanceof AppError && (e.code === "invalid_input" || e.code === "not_found")) problem = e.message;
        else throw e;
      }
    }
  }
  const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ""));
  const more = result?.nextCursor ? `/search?${new URLSearchParams({ ...given, cursor: result.nextCursor })}` : null;
  return { values, projects, result, problem, more };
}

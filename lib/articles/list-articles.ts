import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { requireMember } from "@/lib/projects/require-member";
import { idParam, isStorableDate } from "@/lib/validation/common";

// Cursor: the last row's createdAt and id, so paging stays stable while articles arrive.
export function encodeCursor(createdAt: Date, id: string) {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}
export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at);
  // The id goes into the query: only an id's characters (a NUL byte would be a database error).
  // The date too goes into the query: one PostgreSQL holds (not year 0000, not JavaScript's extremes).
  if (!id || !idParam.safeParse(id).success || !isStorableDate(createdAt)) {
    throw new AppError("invalid_input", "The cursor is not one this API gave out.", { fields: { cursor: "is invalid" } });
  }
  return { createdAt, id };
}

export async function listArticles({ actor, projectId, cursor, limit = 50 }: { actor: Actor; projectId: string; cursor?: string; limit?: number }) {
  await requireMember(actor, projectId);
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await db.article.findMany({
    where: {
      projectId,
      ...(after
        ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true, title: true, language: true, direction: true, sourceUrl: true, outlet: true, publishedAt: true, createdAt: true,
      _count: { select: { claims: { where: { status: { not: "retracted" } } } } },
    },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ _count, ...a }) => ({ ...a, claimCount: _count.claims })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

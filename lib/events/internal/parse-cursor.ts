import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** A cursor from a query or a Last-Event-ID: digits naming an event of this project; 0 is the beginning. */
export async function parseCursor(projectId: string, raw: string | null | undefined, field = "after"): Promise<bigint | null> {
  if (raw === null || raw === undefined || raw === "" || raw === "0") return null;
  if (!/^[1-9]\d{0,17}$/.test(raw)) throw new AppError("invalid_input", `${field} must be a cursor from this feed.`, { fields: { [field]: "is not a cursor" } });
  const id = BigInt(raw);
  const found = await db.event.findFirst({ where: { id, projectId }, select: { id: true } });
  if (!found) throw new AppError("invalid_input", `${field} is not a cursor of this project's feed.`, { fields: { [field]: "is not a cursor of this feed" } });
  return id;
}

import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canExport } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";
import { countRecords, loadAstralBodies, loadBatch, type ExportFilter } from "@/lib/export/load-records";
import { encoder, type ExportFormat } from "@/lib/export/formats";
import { toCodePointOffset } from "@/lib/text";

/**
 * A project's claims as a stream in one format, read from the database a batch at a time, so
 * memory stays flat whatever the project's size.
 */
export async function exportProject({ actor, format, filter, baseUrl }: { actor: Actor; format: ExportFormat; filter: ExportFilter; baseUrl: string }) {
  await requireMember(actor, filter.projectId, canExport, "export");
  return unsafeExportStream({ format, filter, baseUrl });
}

/** Without authorization: for the command line, which runs with the database's rights. */
export async function unsafeExportStream({ format, filter, baseUrl }: { format: ExportFormat; filter: ExportFilter; baseUrl: string }) {
  const project = await db.project.findUnique({ where: { id: filter.projectId } });
  if (!project) throw new AppError("not_found", "Project not found.");
  if (filter.articleId) {
    const article = await db.article.findFirst({ where: { id: filter.articleId, projectId: project.id }, select: { id: true } });
    if (!article) throw new AppError("invalid_input", "No such article in this project.", { fields: { articleId: "is not an article of this project" } });
  }
  const total = format === "webannotation" ? await countRecords(filter) : 0;
  // Bodies are needed only where astral characters make code points differ from UTF-16 indices.
  let bodies = new Map<string, string>();
  const codePoints = (articleId: string, index: number) => {
    const body = bodies.get(articleId);
    return body === undefined ? index : toCodePointOffset(body, index);
  };
  const enc = encoder(format, {
    baseUrl,
    project: { id: project.id, name: project.name, organizationName: project.organizationName, organizationUrl: project.organizationUrl },
    total,
    codePoints,
  });
  const utf8 = new TextEncoder();
  let cursor: string | null = null;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          if (enc.head) {
            controller.enqueue(utf8.encode(enc.head));
            return;
          }
        }
        if (done) return;
        // A small first batch, so the download starts at once; then batches of a thousand.
        const batch = await loadBatch(filter, cursor, cursor ? 1000 : 100);
        if (format === "webannotation") bodies = await loadAstralBodies([...new Set(batch.records.map((r) => r.article.id))]);
        let chunk = "";
        for (const r of batch.records) chunk += enc.item(r);
        cursor = batch.next;
        if (!cursor) {
          chunk += enc.tail;
          done = true;
        }
        if (chunk) controller.enqueue(utf8.encode(chunk));
        if (done) controller.close();
      } catch (e) {
        controller.error(e);
      }
    },
  });
}

import "server-only";
import { db } from "@/lib/db";
import { onReadDb } from "@/lib/database/replica";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canExport } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";
import { countRecords, loadAstralBodies, loadBatch, type ExportFilter, type ExportRecord } from "@/lib/export/load-records";
import { exportFormat, type ExportFormat } from "@/lib/export/formats";
import { loadJsonlPage } from "@/lib/export/jsonl-sql";
import { toCodePointOffsets } from "@/lib/text/offsets";

/**
 * Claims read per page. Each page lives across several young-generation collections and so is
 * promoted to the old generation as garbage: smaller pages promote less (in the bench, the
 * server's RSS growth during a 20,000-claim export went from 178 MB with pages of 1,000 to
 * 158 MB with 250, at the same speed; docs/benchmarks.md).
 */
const PAGE_ROWS = 250;
/** Claims per page of the JSONL export, whose pages are only strings (lib/export/jsonl-sql.ts). */
const JSONL_PAGE_ROWS = 500;
/** The first page is small, so the download starts at once. */
const FIRST_PAGE_ROWS = 100;

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
  // The claims are read on the replica when there is one fit for it (lib/database/replica.ts):
  // an export may lag a moment behind the last write. The checks above read the primary.
  if (format === "jsonl") {
    // PostgreSQL writes each line (lib/export/jsonl-sql.ts): the server holds one string per
    // claim, not a page of rows and records (docs/benchmarks.md, "Export memory (issue 17)").
    return pagedStream({
      head: "",
      tail: "",
      read: (after, size) => onReadDb((c) => loadJsonlPage(filter, after, size, c)),
      write: (page, put) => page.lines.forEach(put),
      pageRows: JSONL_PAGE_ROWS,
      readAhead: false,
    });
  }
  const entry = exportFormat(format);
  const total = entry.needsTotal ? await onReadDb((c) => countRecords(filter, c)) : 0;
  // Code-point offsets of the current batch's claims, by article. Bodies are read only where
  // astral characters make code points differ from UTF-16 indices, and each is walked once per
  // batch for all of its claims' offsets (a walk per offset made the export quadratic).
  let positions = new Map<string, Map<number, number>>();
  const codePoints = (articleId: string, index: number) => positions.get(articleId)?.get(index) ?? index;
  const enc = entry.encoder({
    baseUrl,
    project: { id: project.id, name: project.name, organizationName: project.organizationName, organizationUrl: project.organizationUrl },
    total,
    codePoints,
  });
  return pagedStream({
    head: enc.head,
    tail: enc.tail,
    read: (after, size) => onReadDb((c) => loadBatch(filter, after, size, c)),
    write: async (batch, put) => {
      if (entry.needsCodePoints) positions = await codePointPositions(batch.records);
      for (const r of batch.records) put(enc.item(r));
    },
    pageRows: PAGE_ROWS,
    // The next page is read while this one is written out (the database and the encoding overlap).
    readAhead: true,
  });
}

/**
 * Pages read from the database one at a time and written as UTF-8: a head, each page's pieces
 * of text, a tail. The first (small) page is read before the answer starts: a failure there is
 * a proper error answer, not a 200 whose stream breaks off. Later pages are read when the
 * reader asks for more (pull), so a slow download holds at most a page or two.
 */
async function pagedStream<P extends { next: string | null }>({
  head,
  tail,
  read,
  write,
  pageRows,
  readAhead,
}: {
  head: string;
  tail: string;
  read: (after: string | null, size: number) => Promise<P>;
  write: (page: P, put: (text: string) => void) => void | Promise<void>;
  pageRows: number;
  readAhead: boolean;
}) {
  const utf8 = new TextEncoder();
  const PIECE = 64 * 1024;
  let cursor: string | null = null;
  let started = false;
  let done = false;
  const readNext = (after: string) => {
    const next = read(after, pageRows);
    // Awaited by the next pull; if the download is abandoned first, its failure is nobody's.
    next.catch(() => {});
    return next;
  };
  let ahead: Promise<P> | null = Promise.resolve(await read(null, FIRST_PAGE_ROWS));
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          if (head) {
            controller.enqueue(utf8.encode(head));
            return;
          }
        }
        if (done) return;
        const page: P = await (ahead ?? read(cursor, pageRows));
        cursor = page.next;
        ahead = readAhead && cursor ? readNext(cursor) : null;
        // Text is encoded straight into 64 KB pieces: concatenating a page into one string (then
        // flattening and encoding it) allocated three times what the export writes, and the
        // server's memory grew with the export's speed (docs/benchmarks.md).
        let piece = new Uint8Array(PIECE);
        let used = 0;
        const flush = () => {
          if (used === 0) return;
          controller.enqueue(piece.subarray(0, used));
          piece = new Uint8Array(PIECE);
          used = 0;
        };
        const put = (text: string) => {
          // A UTF-16 unit takes at most three bytes in UTF-8.
          if (used + text.length * 3 > PIECE) flush();
          if (text.length * 3 > PIECE) controller.enqueue(utf8.encode(text));
          else used += utf8.encodeInto(text, piece.subarray(used)).written;
        };
        await write(page, put);
        if (!cursor) {
          put(tail);
          done = true;
        }
        flush();
        if (done) controller.close();
      } catch (e) {
        controller.error(e);
      }
    },
  });
}

/** For each article of these records that holds astral characters: its claims' offsets as code points. */
async function codePointPositions(records: ExportRecord[]) {
  const offsets = new Map<string, number[]>();
  for (const r of records) {
    const list = offsets.get(r.article.id) ?? [];
    list.push(r.start, r.end);
    offsets.set(r.article.id, list);
  }
  const bodies = await loadAstralBodies([...offsets.keys()]);
  return new Map([...bodies].map(([id, body]) => [id, toCodePointOffsets(body, offsets.get(id)!)]));
}

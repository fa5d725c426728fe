import { randomBytes } from "node:crypto";
import type { analyze, Discrepancy, FigureFrame } from "@/lib/text";
import type { CompactAnalysis } from "@/lib/articles/article-limits";

type Analysis = ReturnType<typeof analyze>;

/** What a claim suggestion stores about its figure: the frame, and the conflicts and
 *  updates the figure takes part in (indexes into the article's figures). */
export type FigureDetail = { kind: "figure"; frame: FigureFrame | null; conflicts: number[]; updates: number[]; updatedBy: number[] };
/** What a contradiction suggestion stores: the discrepancy as the analysis gave it. */
export type ContradictionDetail = Discrepancy;

export type SuggestionRow = {
  type: "claim" | "contradiction";
  quantityA: number;
  quantityB: number | null;
  start: number;
  end: number;
  reason: string | null;
  detail: FigureDetail | ContradictionDetail;
};

/**
 * The suggestions made of an analysis: one claim per figure that is an amount (dates and
 * years are not claims) and one contradiction per conflict. Updates (an earlier figure and
 * the one that replaced it) are not contradictions; they are kept on the figures' details.
 */
export function suggestionRows(analysis: Pick<Analysis, "quantities" | "discrepancies">): SuggestionRow[] {
  const { quantities, discrepancies } = analysis;
  const links = quantities.map(() => ({ conflicts: [] as number[], updates: [] as number[], updatedBy: [] as number[] }));
  for (const d of discrepancies) {
    if (d.type === "update" && d.from !== undefined && d.to !== undefined) {
      links[d.to]?.updates.push(d.from);
      links[d.from]?.updatedBy.push(d.to);
    } else if (d.type !== "update") {
      links[d.a]?.conflicts.push(d.b);
      links[d.b]?.conflicts.push(d.a);
    }
  }
  const rows: SuggestionRow[] = [];
  quantities.forEach((q, index) => {
    if (q.kind === "date") return;
    const l = links[index] ?? { conflicts: [], updates: [], updatedBy: [] };
    rows.push({ type: "claim", quantityA: index, quantityB: null, start: q.start, end: q.end, reason: null, detail: { kind: "figure", frame: q.frame ?? null, ...l } });
  });
  for (const d of discrepancies) {
    if (d.type === "update") continue;
    const a = quantities[d.a];
    const b = quantities[d.b];
    if (a === undefined || b === undefined) continue;
    rows.push({ type: "contradiction", quantityA: d.a, quantityB: d.b, start: a.start, end: b.end, reason: d.reason, detail: d });
  }
  return rows;
}

/**
 * Ids made here rather than by Prisma (the rows go in by raw SQL): letters and digits like cuids,
 * the same length, and sorting in the order they are made, as cuids do.
 */
export function idMaker(prefix: string) {
  const start = `${prefix}${Date.now().toString(36)}${randomBytes(6).toString("hex")}`;
  let n = 0;
  return () => start + (n++).toString(36).padStart(4, "0");
}

/** Rows per statement: a few hundred KB of JSON, whatever the size of the article. */
export const BATCH = 5_000;

type Table = "sentences" | "quantities" | "suggestions";
/**
 * Rows to store, each batch a JSON array of at most BATCH rows in UTF-8 (what PostgreSQL's
 * json_to_recordset reads, store-analysis.ts; `pg` sends bytes as they are). A worker thread
 * hands them back by transferring their buffers, not by copying a graph of a hundred thousand
 * objects; and bytes live outside the JavaScript heap, half the size of an Arabic string.
 */
export type RowBatches = Record<Table, Uint8Array[]>;
const utf8 = new TextEncoder();

/** Collects the rows of one or more articles, in batches: one statement per batch, however many articles. */
export class RowCollector {
  private done: RowBatches = { sentences: [], quantities: [], suggestions: [] };
  private open: Record<Table, unknown[]> = { sentences: [], quantities: [], suggestions: [] };
  private readonly suggestionId = idMaker("s");

  private add(table: Table, row: unknown) {
    const rows = this.open[table];
    rows.push(row);
    if (rows.length >= BATCH) this.close(table);
  }

  private close(table: Table) {
    if (this.open[table].length === 0) return;
    this.done[table].push(utf8.encode(JSON.stringify(this.open[table])));
    this.open[table] = [];
  }

  /** An article's sentences, figures and suggestions (`suggestionRows`), under its id. */
  addArticle(articleId: string, analysis: CompactAnalysis) {
    for (const s of analysis.sentences) this.add("sentences", { a: articleId, i: s.index, s: s.start, e: s.end, b: s.boilerplate === true });
    analysis.quantities.forEach((q, i) => {
      // JSON has no Infinity or NaN: such a value travels as text, which float8 reads back.
      const v = Number.isFinite(q.value) ? q.value : String(q.value);
      this.add("quantities", { a: articleId, i, s: q.start, e: q.end, t: q.text, v, k: q.kind, u: q.unit ?? null, n: q.noun ?? null, se: q.sentence });
    });
    for (const r of suggestionRows(analysis)) {
      this.add("suggestions", { id: this.suggestionId(), a: articleId, t: r.type, qa: r.quantityA, qb: r.quantityB, s: r.start, e: r.end, r: r.reason, d: r.detail });
    }
  }

  /** Batches made elsewhere (by a worker thread), stored as they are. */
  addBatches(batches: RowBatches) {
    for (const table of ["sentences", "quantities", "suggestions"] as const) this.done[table].push(...batches[table]);
  }

  /** Every batch; the collector is empty afterwards. */
  take(): RowBatches {
    for (const table of ["sentences", "quantities", "suggestions"] as const) this.close(table);
    const out = this.done;
    this.done = { sentences: [], quantities: [], suggestions: [] };
    return out;
  }
}

import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { queryRowsOn } from "@/lib/db";
import { whereSql, type ExportFilter } from "@/lib/export/load-records";
import { embeddableJson } from "@/lib/export/formats";
import { RATING_LABELS } from "@/lib/validation/claim";

/**
 * The JSONL export's lines written by PostgreSQL: each claim's record as JSON text, byte for byte
 * what `embeddableJson(record)` makes of load-records.ts's record (same keys, same order, same
 * values), so the server holds one string per claim instead of the rows, objects and dates of a
 * page (their garbage is what grew the app's memory during an export; docs/benchmarks.md).
 * Keep the two in step: tests/integration/export-jsonl-sql.test.ts compares them.
 */

/** A value as JSON text; SQL NULL as `null`. */
const json = (expr: string) => `coalesce(to_json(${expr})::text, 'null')`;
/** A timestamp(3) (UTC) as JavaScript's `toISOString()` in JSON; NULL as `null`. */
const time = (expr: string) => `coalesce('"' || to_char(${expr}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null')`;
/** A rating as the record holds it: a number, or the string "unverifiable". */
const rating = (expr: string) => `CASE ${expr} WHEN 'unverifiable' THEN '"unverifiable"' ELSE ${expr} END`;
/** embeddableJson's escapes, which only ever apply inside JSON strings. */
const embeddable = (expr: string) => `replace(replace(replace(${expr}, '<', '\\u003c'), '>', '\\u003e'), '&', '\\u0026')`;
/** JSON text of `"k1":v1,...` from pairs of key and SQL expression giving JSON text (`,` first if `more`). */
const members = (pairs: [string, string][], more = false) => pairs.map(([k, v], i) => `'${i || more ? "," : ""}"${k}":' || ${v}`).join(" || ");
/** JSON text of `{"k1":v1,...}`. */
const object = (pairs: [string, string][]) => `'{' || ${members(pairs)} || '}'`;
/** JSON text of an array of the rows a subquery gives, in its order. */
const array = (item: string, from: string, order: string) => `'[' || coalesce((SELECT string_agg(${item}, ',' ORDER BY ${order}) ${from}), '') || ']'`;

// The record up to its quantity, and after it. A quantity is written here when its value is an
// integer JavaScript writes without an exponent; any other value is written by JSON.stringify
// (PostgreSQL's float output and JavaScript's differ in where they use exponents).
const HEAD = "'{' || " + members([
  ["id", json("c.id")],
  ["projectId", json("c.project_id")],
  ["status", json("c.status::text")],
  ["article", object([["id", json("ar.id")], ["title", json("ar.title")], ["sourceUrl", json("ar.source_url")], ["outlet", json("ar.outlet")], ["publishedAt", time("ar.published_at")], ["language", json("ar.language")]])],
  ["text", json("c.text")],
  ["start", "c.start::text"],
  ["end", `c."end"::text`],
  ["quote", object([["exact", json("c.text")], ["prefix", json("c.prefix")], ["suffix", json("c.suffix")]])],
  ["sentenceIndexes", "array_to_json(c.sentence_indexes)::text"],
  ["kind", json("c.kind")],
  ["note", json("c.note")],
]) + ` || ',"quantity":'`;

const TAIL = members(
  [
  ["rating", `coalesce(${rating("adj.rating")}, 'null')`],
  ["ratingLabel", json("labels ->> adj.rating")],
  ["editorNote", json("adj.note")],
  ["adjudicatedBy", `CASE WHEN adj.claim_id IS NULL THEN 'null' ELSE ${object([["id", json("adj.editor_id")], ["name", json("adj.editor_name")]])} END`],
  ["verifiedAt", time("c.verified_at")],
  [
    "verdicts",
    array(
      object([["reviewer", object([["id", json("u.id")], ["name", json("u.name")]])], ["rating", rating("v.rating")], ["label", json("labels ->> v.rating")], ["rationale", json("v.rationale")], ["updatedAt", time("v.updated_at")]]),
      "FROM verdicts v JOIN users u ON u.id = v.reviewer_id WHERE v.claim_id = c.id",
      "v.created_at, v.id",
    ),
  ],
  [
    "sources",
    array(
      object([["url", json("s.url")], ["title", json("s.title")], ["publisher", json("s.publisher")], ["excerpt", json("s.excerpt")], ["stance", json("s.stance::text")], ["readAt", time("s.read_at")]]),
      "FROM sources s WHERE s.claim_id = c.id",
      "s.created_at, s.id",
    ),
  ],
  [
    // A link is stored once but belongs to both of its claims.
    "links",
    array(
      object([["relation", json("l.relation::text")], ["claimId", json("d.other")]]),
      `FROM claim_links l CROSS JOIN LATERAL (VALUES (1, l.claim_id, l.other_claim_id), (2, l.other_claim_id, l.claim_id)) d(n, own, other)
       WHERE (l.claim_id = c.id OR l.other_claim_id = c.id) AND d.own = c.id`,
      "l.created_at, l.id, d.n",
    ),
  ],
  ["createdAt", time("c.created_at")],
  ["updatedAt", time("c.updated_at")],
  ],
  true,
) + " || '}'";

type LineRow = { id: string; line: string | null; head: string | null; tail: string | null; value: number | null; quantityKind: string | null; quantityUnit: string | null };

/** The JSONL lines of up to `size` claims after `cursor` (ids ascending), and the cursor for the next page. */
export async function loadJsonlPage(f: ExportFilter, cursor: string | null, size: number, client: PrismaClient) {
  const rows = await queryRowsOn<LineRow>(
    client,
    Prisma.sql`
      SELECT id, CASE WHEN quantity IS NOT NULL THEN head || quantity || tail || E'\n' END AS line,
             CASE WHEN quantity IS NULL THEN head END AS head, CASE WHEN quantity IS NULL THEN tail END AS tail,
             value, "quantityKind", "quantityUnit"
      FROM (
        SELECT c.id, ${Prisma.raw(embeddable(HEAD))} AS head, ${Prisma.raw(embeddable(TAIL))} AS tail,
               CASE WHEN c.quantity_value IS NULL THEN 'null'
                    WHEN c.quantity_value = trunc(c.quantity_value) AND abs(c.quantity_value) < 1e15
                    THEN ${Prisma.raw(embeddable(object([["value", "c.quantity_value::bigint::text"], ["kind", json("c.quantity_kind")], ["unit", json("c.quantity_unit")]])))}
               END AS quantity,
               c.quantity_value AS value, c.quantity_kind AS "quantityKind", c.quantity_unit AS "quantityUnit"
        FROM (SELECT * FROM claims WHERE ${whereSql(f, cursor)} ORDER BY id LIMIT ${size}) c
        JOIN articles ar ON ar.id = c.article_id
        CROSS JOIN (SELECT ${JSON.stringify(RATING_LABELS)}::json AS labels) k
        LEFT JOIN LATERAL (
          SELECT a.claim_id, a.rating, a.note, u.id AS editor_id, u.name AS editor_name
          FROM adjudications a JOIN users u ON u.id = a.editor_id WHERE a.claim_id = c.id AND a.superseded_at IS NULL LIMIT 1
        ) adj ON true
        ORDER BY c.id
        -- Not flattened into the query above: each record's text is built once.
        OFFSET 0
      ) x
      ORDER BY id`,
  );
  // One string per claim as pg hands it over; only a quantity PostgreSQL cannot write is joined here.
  const lines = rows.map((r) => r.line ?? r.head + embeddableJson({ value: r.value, kind: r.quantityKind, unit: r.quantityUnit }) + r.tail + "\n");
  return { lines, next: rows.length === size ? rows[rows.length - 1].id : null };
}

import { stringify } from "csv-stringify/sync";
import type { ExportRecord } from "@/lib/export/load-records";
import arWorkspace from "@/lib/i18n/messages/ar/workspace.json";
import { RATING_LABELS, type Rating } from "@/lib/validation/claim";

import type { ExportFormat } from "@/lib/validation/export";
export type { ExportFormat };

export type ExportContext = {
  baseUrl: string;
  project: { id: string; name: string; organizationName: string; organizationUrl: string | null };
  total: number;
  /** Code-point offset of a JavaScript string index in an article's body. */
  codePoints: (articleId: string, index: number) => number;
};

/**
 * Spreadsheet programs run a cell that begins with = + - @ as a formula, and some find the
 * formula after what they skip or fold first: white space (space, tab, LF, CR), the full-width
 * forms ＝ ＋ － ＠, zero-width characters and a byte-order mark. A cell beginning with any of
 * these gets a leading ' so it is shown as text.
 */
const FORMULA_START = /^[=+\-@\t\r\n \uFF1D\uFF0B\uFF0D\uFF20\u200B-\u200D\u2060\uFEFF]/;
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * JSON that can sit inside an HTML page's <script> element: < > & written as \u003c \u003e
 * \u0026 (JSON strings only hold them inside strings, so this parses to the same values).
 */
export function embeddableJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

/** A record's rating label in its article's language (Arabic or English). */
export function ratingLabelIn(language: string, r: ExportRecord): string {
  const arabic = language === "ar";
  if (r.rating === null) return arabic ? "لم يُقيَّم بعد" : "Not yet rated";
  const key = String(r.rating) as Rating;
  return arabic ? arWorkspace.ratings[key] : RATING_LABELS[key];
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : undefined);

export const CSV_COLUMNS = [
  "claim_id", "status", "article_id", "article_title", "article_url", "outlet", "article_published_at",
  "text", "start", "end", "sentence_indexes", "kind", "quantity_value", "quantity_kind", "quantity_unit",
  "rating", "rating_label", "editor_note", "adjudicated_by", "verified_at",
  "reviewer_verdicts", "sources", "links", "note", "created_at", "updated_at",
] as const;

export function csvRow(r: ExportRecord): (string | number)[] {
  const cells: (string | number | null | undefined)[] = [
    r.id, r.status, r.article.id, r.article.title, r.article.sourceUrl, r.article.outlet, iso(r.article.publishedAt),
    r.text, r.start, r.end, r.sentenceIndexes.join(";"), r.kind,
    r.quantity?.value, r.quantity?.kind, r.quantity?.unit,
    r.rating, r.ratingLabel, r.editorNote, r.adjudicatedBy?.name, iso(r.verifiedAt),
    r.verdicts.map((v) => `${v.reviewer.name}: ${v.rating} (${v.label}) — ${v.rationale}`).join(" | "),
    r.sources.map((s) => `${s.stance} ${s.url}${s.title ? ` (${s.title})` : ""}`).join(" | "),
    r.links.map((l) => `${l.relation}:${l.claimId}`).join(" "),
    r.note, iso(r.createdAt), iso(r.updatedAt),
  ];
  // Every text cell is neutralized, whoever wrote it; numbers cannot carry a formula.
  return cells.map((c) => (c === null || c === undefined ? "" : typeof c === "number" ? c : neutralizeCell(c)));
}

/** Where a claim can be seen in Sanad: its review page. */
export const claimUrl = (r: ExportRecord, ctx: ExportContext) => `${ctx.baseUrl}/claims/${r.id}`;

export function claimReview(r: ExportRecord, ctx: ExportContext) {
  const org = ctx.project.organizationName || ctx.project.name;
  const unverifiable = r.rating === "unverifiable";
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: claimUrl(r, ctx),
    claimReviewed: r.text,
    datePublished: day(r.verifiedAt ?? r.updatedAt),
    // Without an organization set in the project's settings: the project's name, at Sanad's address.
    author: { "@type": "Organization", name: org, url: ctx.project.organizationUrl || ctx.baseUrl },
    itemReviewed: {
      "@type": "Claim",
      ...(r.article.outlet ? { author: { "@type": "Organization", name: r.article.outlet } } : {}),
      ...(r.article.publishedAt ? { datePublished: day(r.article.publishedAt) } : {}),
      ...(r.article.sourceUrl ? { appearance: [{ "@type": "CreativeWork", url: r.article.sourceUrl, headline: r.article.title }] } : {}),
    },
    reviewRating: {
      "@type": "Rating",
      // ClaimReview's scale has no value for "unverifiable": the label says it instead.
      ...(r.rating !== null && !unverifiable ? { ratingValue: r.rating } : {}),
      bestRating: 5,
      worstRating: 1,
      // alternateName in English, the same text for a value across the file; name in the
      // article's language (the same words for an English article).
      alternateName: r.ratingLabel ?? "Not yet rated",
      name: ratingLabelIn(r.article.language, r),
    },
    ...(r.editorNote ? { reviewBody: r.editorNote } : {}),
    inLanguage: r.article.language,
  };
}

export function webAnnotation(r: ExportRecord, ctx: ExportContext) {
  const body: Record<string, unknown>[] = [
    {
      type: "TextualBody",
      purpose: "assessing",
      value: r.ratingLabel ?? "Not yet rated",
      format: "text/plain",
      language: "en",
      ...(r.rating !== null ? { "sanad:rating": r.rating } : {}),
    },
  ];
  // The same rating in the article's language, beside the English one.
  if (r.article.language !== "en") {
    body.push({ type: "TextualBody", purpose: "assessing", value: ratingLabelIn(r.article.language, r), format: "text/plain", language: r.article.language });
  }
  if (r.editorNote) body.push({ type: "TextualBody", purpose: "commenting", value: r.editorNote, format: "text/plain" });
  for (const s of r.sources) {
    body.push({
      type: "SpecificResource",
      purpose: "linking",
      source: s.url,
      ...(s.title ? { "dcterms:title": s.title } : {}),
      ...(s.publisher ? { "dcterms:publisher": s.publisher } : {}),
      ...(s.excerpt ? { "sanad:excerpt": s.excerpt } : {}),
      "sanad:stance": s.stance,
    });
  }
  return {
    id: `${claimUrl(r, ctx)}#annotation`,
    type: "Annotation",
    motivation: "assessing",
    created: iso(r.createdAt),
    modified: iso(r.updatedAt),
    // The id names the person within this Sanad; it is an identifier, not a page.
    ...(r.adjudicatedBy ? { creator: { id: `${ctx.baseUrl}/users/${r.adjudicatedBy.id}`, type: "Person", name: r.adjudicatedBy.name } } : {}),
    body,
    target: {
      source: r.article.sourceUrl ?? `${ctx.baseUrl}/articles/${r.article.id}`,
      selector: [
        { type: "TextQuoteSelector", exact: r.quote.exact, prefix: r.quote.prefix, suffix: r.quote.suffix },
        // The Web Annotation model counts code points, not JavaScript's UTF-16 units.
        { type: "TextPositionSelector", start: ctx.codePoints(r.article.id, r.start), end: ctx.codePoints(r.article.id, r.end) },
      ],
    },
  };
}

/** A format as a header, one piece per record, and a footer: so exports can stream. */
export type Encoder = { head: string; item: (r: ExportRecord) => string; tail: string };

/** Everything Sanad knows about one export format, in one place. */
export type FormatEntry = {
  contentType: string;
  /** The download's file name ends with this (no dot). */
  extension: string;
  /** The head states how many records follow: counted before the first byte is sent. */
  needsTotal: boolean;
  /** Offsets are given in code points: each batch reads the bodies of articles with astral characters. */
  needsCodePoints: boolean;
  encoder: (ctx: ExportContext) => Encoder;
};

/** Separators between JSON array items: none before the first. */
function separator() {
  let first = true;
  return () => (first ? ((first = false), "") : ",\n");
}

/**
 * The export formats: the route takes content type and extension from here, the streamer the
 * encoder and what it needs, the project page its list of formats. The names are
 * lib/validation/export.ts's FORMATS (the query schema's); `satisfies` keeps both in step.
 */
export const EXPORT_FORMATS = {
  jsonl: {
    contentType: "application/x-ndjson; charset=utf-8",
    extension: "jsonl",
    needsTotal: false,
    needsCodePoints: false,
    encoder: () => ({ head: "", item: (r) => embeddableJson(r) + "\n", tail: "" }),
  },
  csv: {
    contentType: "text/csv; charset=utf-8",
    extension: "csv",
    needsTotal: false,
    needsCodePoints: false,
    // A byte-order mark, so spreadsheet programs read the Arabic as UTF-8.
    encoder: () => ({ head: "\uFEFF" + stringify([[...CSV_COLUMNS]]), item: (r) => stringify([csvRow(r)]), tail: "" }),
  },
  claimreview: {
    contentType: "application/ld+json; charset=utf-8",
    extension: "claimreview.jsonld",
    needsTotal: false,
    needsCodePoints: false,
    encoder: (ctx) => {
      const sep = separator();
      return { head: "[\n", item: (r) => sep() + embeddableJson(claimReview(r, ctx)), tail: "\n]\n" };
    },
  },
  webannotation: {
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
    extension: "annotations.jsonld",
    needsTotal: true,
    needsCodePoints: true,
    encoder: (ctx) => {
      const sep = separator();
      const collection = {
        // The W3C context first, as the model asks; then a namespace for Sanad's own terms.
        "@context": ["http://www.w3.org/ns/anno.jsonld", { sanad: `${ctx.baseUrl}/ns#` }],
        id: `${ctx.baseUrl}/api/v1/projects/${ctx.project.id}/export?format=webannotation`,
        type: "AnnotationCollection",
        label: `Sanad: ${ctx.project.name}`,
        total: ctx.total,
      };
      // The one page is embedded whole; it has its own id (a MUST) and names its collection.
      const page = { id: `${collection.id}#page-1`, type: "AnnotationPage", partOf: collection.id, startIndex: 0 };
      const head = embeddableJson(collection).slice(0, -1) + ',"first":' + embeddableJson(page).slice(0, -1) + ',"items":[\n';
      return { head, item: (r) => sep() + embeddableJson(webAnnotation(r, ctx)), tail: "\n]}}\n" };
    },
  },
} satisfies Record<ExportFormat, FormatEntry>;

/** The formats in the order the project page offers them. */
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[];

export const exportFormat = (format: ExportFormat): FormatEntry => EXPORT_FORMATS[format];

// schema.org ClaimReview items, as other desks publish them, read into what Sanad keeps of a
// reference fact-check. Pure: no I/O; a URL is kept as text, never fetched.
import { analyze } from "@/lib/text";
import { httpUrl } from "@/lib/validation/common";

export type ReferenceFigureInput = { text: string; value: number; kind: string; unit: string | null; noun: string | null; qualifier: string | null };

export type ReferenceInput = {
  url: string;
  claimReviewed: string;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  ratingLabel: string | null;
  authorName: string | null;
  authorUrl: string | null;
  claimant: string | null;
  reviewDate: Date | null;
  language: string;
  figures: ReferenceFigureInput[];
};

export type ReadItem =
  | { kind: "item"; value: ReferenceInput; warnings: string[] }
  | { kind: "invalid"; reasons: string[]; url?: string }
  | { kind: "skipped"; reasons: string[] };

const MAX_CLAIM = 5000;
const MAX_FIELD = 500;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A JSON-LD value as one string: a string, {"@value": …}, or the first of an array. */
function str(v: unknown): string | null {
  if (Array.isArray(v)) return v.length > 0 ? str(v[0]) : null;
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (isObj(v) && "@value" in v) return str(v["@value"]);
  return null;
}

/** Text safe to store: no NUL, no lone surrogate, trimmed, at most `max` characters. */
function clean(v: unknown, max = MAX_FIELD): string | null {
  const s = str(v);
  if (s === null) return null;
  const t = s.replace(/\u0000/g, "").toWellFormed().trim();
  return t === "" ? null : t.slice(0, max);
}

function num(v: unknown): number | null | undefined {
  const s = str(v);
  if (s === null) return null;
  const n = Number(s.trim());
  return s.trim() !== "" && Number.isFinite(n) ? n : undefined;
}

function typesOf(v: Obj): string[] {
  const t = v["@type"];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === "string").map((x) => x.replace(/^(https?:\/\/schema\.org\/|schema:)/, ""));
}

function nameOf(v: unknown): { name: string | null; url: string | null } {
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first === "string") return { name: clean(first), url: null };
  if (!isObj(first)) return { name: null, url: null };
  const url = clean(first.url, 2048);
  return { name: clean(first.name) ?? clean(first.alternateName), url: url && httpUrl.safeParse(url).success ? url : null };
}

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/;

/** One item of the file: a ClaimReview to store (perhaps with warnings), or why not. */
export function readClaimReview(item: unknown): ReadItem {
  if (!isObj(item)) return { kind: "invalid", reasons: ["is not a JSON object"] };
  if (!typesOf(item).includes("ClaimReview")) {
    const t = typesOf(item);
    return { kind: "skipped", reasons: [`is not a ClaimReview (@type ${t.length ? t.join(", ") : "missing"})`] };
  }
  const reasons: string[] = [];
  const warnings: string[] = [];
  const rawUrl = clean(item.url, 4096);
  const url = rawUrl && httpUrl.safeParse(rawUrl).success ? httpUrl.parse(rawUrl) : null;
  if (!rawUrl) reasons.push("url is missing");
  else if (!url) reasons.push("url is not an http or https URL of at most 2048 characters");
  const claim = clean(item.claimReviewed, Number.MAX_SAFE_INTEGER);
  if (!claim) reasons.push("claimReviewed is missing");
  else if (claim.length > MAX_CLAIM) reasons.push(`claimReviewed is longer than ${MAX_CLAIM} characters`);
  if (reasons.length > 0 || !url || !claim) return { kind: "invalid", reasons, ...(url ? { url } : {}) };

  const rating = Array.isArray(item.reviewRating) ? item.reviewRating[0] : item.reviewRating;
  let ratingValue: number | null = null;
  let bestRating: number | null = null;
  let worstRating: number | null = null;
  let ratingLabel: string | null = null;
  if (!isObj(rating)) {
    warnings.push("reviewRating is missing");
  } else {
    const read = (field: string) => {
      const n = num(rating[field]);
      if (n === undefined) warnings.push(`reviewRating.${field} is not a number`);
      return n ?? null;
    };
    ratingValue = read("ratingValue");
    bestRating = read("bestRating");
    worstRating = read("worstRating");
    ratingLabel = clean(rating.alternateName) ?? clean(rating.name);
    if (ratingValue === null && ratingLabel === null) warnings.push("reviewRating has neither ratingValue nor alternateName");
  }
  const author = nameOf(item.author);
  if (!author.name) warnings.push("author.name is missing");
  const reviewed = isObj(item.itemReviewed) ? item.itemReviewed : null;
  const claimant = reviewed ? nameOf(reviewed.author).name : null;
  let reviewDate: Date | null = null;
  const dateText = clean(item.datePublished, 64);
  if (dateText) {
    const t = Date.parse(dateText);
    if (/^\d{4}-\d{2}-\d{2}/.test(dateText) && Number.isFinite(t)) reviewDate = new Date(t);
    else warnings.push("datePublished is not an ISO 8601 date");
  }
  const langValue = isObj(item.inLanguage) ? (item.inLanguage.alternateName ?? item.inLanguage.name) : item.inLanguage;
  const given = clean(langValue, 35);
  const analysis = analyze(claim, { language: given && LANGUAGE_TAG.test(given) ? given : null });
  const figures = analysis.quantities.map((q) => ({
    text: q.text,
    value: q.value,
    kind: q.kind,
    unit: q.unit ?? null,
    noun: q.noun ?? null,
    qualifier: q.qualifier ?? null,
  }));
  return {
    kind: "item",
    warnings,
    value: { url, claimReviewed: claim, ratingValue, bestRating, worstRating, ratingLabel, authorName: author.name, authorUrl: author.url, claimant, reviewDate, language: analysis.language, figures },
  };
}

/** The items of a parsed JSON-LD document: an array, a {"@graph": […]}, or one object. */
export function itemsOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc.flatMap((d) => (isObj(d) && Array.isArray(d["@graph"]) ? d["@graph"] : [d]));
  if (isObj(doc) && Array.isArray(doc["@graph"])) return doc["@graph"];
  return [doc];
}

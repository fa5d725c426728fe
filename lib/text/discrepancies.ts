// Pairs of figures in one article that count the same thing but disagree.
//
// "The same thing" means the same kind and unit and, for counts and percentages, the
// same counted noun after folding Arabic morphology; "disagree" means a relative
// difference beyond rounding (2%, 5% when either side is hedged with "about/نحو"), or
// outside the range a "more than"/"less than" allows. Figures in the same sentence,
// figures about different years, earlier values ("up from", "مقارنة بـ") and
// different predicates (killed vs injured) are never paired, because in news those
// are different facts, not contradictions.
//
// Each figure is compared with the first mention of every other value of its group and
// paired with the nearest value it contradicts (a restatement usually restates the
// closest figure), so the work and the output stay proportional to the number of figures.
import { isLineBreak, isSpace, isTerminator, isCloser } from "./chars";
import {
  CURRENCY_WORDS,
  MONTHS,
  PAST_PERIOD,
  PERSON_NOUNS,
  PREDICATE_CLASSES,
  PROJECTION_WORDS,
  ROLE_NOUNS,
  SCALE_WORDS,
  STOPWORDS,
} from "./lexicon";
import { fold, looseKey, nounKey } from "./normalize";
import { isComparedFigure } from "./figure-context";
import { formatDateValue, formatNumber } from "./format";
import type { Discrepancy, Quantity, Sentence } from "./types";
import { nextWords, prevWords, withoutProclitic } from "./words";

// Bounds per group: distinct values kept, and first mentions kept per value (more than
// one, so a pair barred by sentence or mood can fall back on another mention).
const MAX_BUCKETS = 16;
const MAX_MEMBERS = 4;
const MAX_DISCREPANCIES = 10000;
const BASE_TOLERANCE = 0.02;
const HEDGED_TOLERANCE = 0.05;
const MAX_RATIO = 10;

type Info = {
  idx: number;
  q: Quantity;
  ss: number;
  se: number;
  predicate?: string | null;
  context?: Set<string>;
};

type Bucket = { value: number; members: Info[] };

function isValidQuantity(q: unknown, textLength: number): q is Quantity {
  if (q === null || typeof q !== "object") return false;
  const r = q as Record<string, unknown>;
  return (
    typeof r["value"] === "number" && Number.isFinite(r["value"]) &&
    typeof r["kind"] === "string" && typeof r["text"] === "string" &&
    typeof r["start"] === "number" && typeof r["end"] === "number" &&
    Number.isInteger(r["sentence"]) && (r["start"] as number) >= 0 && (r["end"] as number) <= textLength &&
    (r["start"] as number) <= (r["end"] as number)
  );
}

function measureFamily(unit: string): string {
  // "110 آلاف كم" in a headline abbreviates "كم مربع"; both are read as one family and
  // the ratio limit keeps a road distance from being compared with a territory.
  return unit === "km" || unit === "km²" ? "km/km²" : unit;
}

/** The groups a figure is compared within: what it counts, and for people, what
 *  happened to them ("قتل 5 أشخاص" and "45 قتيلا" are both deaths). */
function groupKeys(text: string, info: Info): string[] {
  const q = info.q;
  const noun = q.noun !== undefined && q.noun.length > 0 ? looseKey(q.noun) : undefined;
  switch (q.kind) {
    case "count": {
      if (noun === undefined) return [];
      const keys = ["count|" + noun];
      const role = ROLE_NOUNS.get(noun) ?? ROLE_NOUNS.get(q.noun ?? "");
      if (role !== undefined) keys.push("count|role:" + role);
      else if (PERSON_NOUNS.has(noun)) {
        const p = predicateOf(text, info);
        if (p !== null) keys.push("count|role:" + p);
      }
      return keys;
    }
    case "percent":
      return noun === undefined ? [] : ["percent|" + noun];
    case "money":
      return q.unit === undefined ? [] : ["money|" + q.unit];
    case "measure":
      return q.unit === undefined ? [] : ["measure|" + measureFamily(q.unit)];
    case "date":
      return noun === undefined ? [] : ["date|" + noun];
    case "duration":
      return noun === undefined || q.unit === undefined ? [] : ["duration|" + q.unit + "|" + noun];
    default:
      return [];
  }
}

function yearOf(q: Quantity): number | null {
  if (q.kind !== "date") return null;
  switch (q.unit) {
    case "yyyy":
      return q.value;
    case "yyyymm":
      return Math.floor(q.value / 100);
    case "yyyymmdd":
      return Math.floor(q.value / 10000);
    default:
      return null;
  }
}

/** Year, month, day of a date figure; null where not written. */
function dateParts(q: Quantity): [number | null, number | null, number | null] {
  const v = q.value;
  switch (q.unit) {
    case "yyyy":
      return [v, null, null];
    case "yyyymm":
      return [Math.floor(v / 100), v % 100, null];
    case "yyyymmdd":
      return [Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100];
    case "mmdd":
      return [null, Math.floor(v / 100), v % 100];
    default:
      return [null, null, null];
  }
}

function datesConflict(a: Quantity, b: Quantity): boolean {
  const pa = dateParts(a);
  const pb = dateParts(b);
  for (let k = 0; k < 3; k++) {
    const x = pa[k];
    const y = pb[k];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    if (x !== y) return true;
  }
  return false;
}

function isScaleSlip(a: number, b: number): number {
  const hi = Math.max(Math.abs(a), Math.abs(b));
  const lo = Math.min(Math.abs(a), Math.abs(b));
  if (lo === 0) return 0;
  const ratio = hi / lo;
  const k = Math.round(Math.log10(ratio));
  // Scale words step by thousands: "$4.2 billion" then "$4.2 million".
  if (k < 3 || k % 3 !== 0) return 0;
  return Math.abs(ratio / Math.pow(10, k) - 1) < 1e-9 ? k : 0;
}

/** Whether two values of the same thing agree, given hedges written with them. */
export function valuesAgree(a: Quantity, b: Quantity): boolean {
  const va = a.value;
  const vb = b.value;
  if (va === vb) return true;
  if (a.kind === "percent" && Math.abs(va - vb) <= 0.5) return true;
  const qa = a.qualifier;
  const qb = b.qualifier;
  const bounded = (q: string | undefined) => q === "over" || q === "under";
  if (bounded(qa) || bounded(qb)) {
    if (qa === "over" && qb === "over") return Math.max(va, vb) / Math.min(va, vb) <= 1.5;
    if (qa === "under" && qb === "under") return Math.max(va, vb) / Math.min(va, vb) <= 1.5;
    if (qa === "over" && qb === "under") return va <= vb * 1.02;
    if (qa === "under" && qb === "over") return vb <= va * 1.02;
    // One bound against a plain or approximate figure: "more than 3 million" is
    // consistent with 3.2 million, not with 2.5 million nor with 7 million.
    const [bound, other, dir] = bounded(qa) ? [va, vb, qa] : [vb, va, qb];
    if (dir === "over") return other >= bound * (1 - BASE_TOLERANCE) && other <= bound * 1.5;
    return other <= bound * (1 + BASE_TOLERANCE) && other >= bound * 0.67;
  }
  const rel = Math.abs(va - vb) / Math.max(Math.abs(va), Math.abs(vb));
  const tol = qa === "approx" || qb === "approx" ? HEDGED_TOLERANCE : BASE_TOLERANCE;
  return rel <= tol;
}

function contextWords(text: string, info: Info): Set<string> {
  if (info.context !== undefined) return info.context;
  const words = [...prevWords(text, info.q.start, info.ss, 6), ...nextWords(text, info.q.end, info.se, 6)];
  const set = new Set<string>();
  for (const w of words) {
    if (STOPWORDS.has(w.f) || SCALE_WORDS.has(w.f) || CURRENCY_WORDS.has(w.f) || w.f.length < 3) continue;
    set.add(looseKey(nounKey(w.raw)));
  }
  info.context = set;
  return set;
}

function predicateOf(text: string, info: Info): string | null {
  if (info.predicate !== undefined) return info.predicate;
  const before = prevWords(text, info.q.start, info.ss, 2);
  const after = nextWords(text, info.q.end, info.se, 3);
  // Nearest words first, alternating sides: "قتل 5 أشخاص وأصيب 20" gives 5 to قتل, 20 to أصيب.
  const words = [before[before.length - 1], after[0], before[before.length - 2], after[1], after[2]];
  let found: string | null = null;
  for (const w of words) {
    if (w === undefined) continue;
    const bare = withoutProclitic(w.f) ?? w.f;
    // Verb endings: "اعتقلوا", "قُتلت", "أصيبوا".
    const stem = bare.replace(/(?:وا|ت|ن)$/, "");
    const cls =
      PREDICATE_CLASSES.get(w.f) ?? PREDICATE_CLASSES.get(bare) ?? PREDICATE_CLASSES.get(stem) ?? PREDICATE_CLASSES.get(nounKey(w.raw));
    if (cls !== undefined) {
      found = cls;
      break;
    }
  }
  info.predicate = found;
  return found;
}

function headlineIndex(text: string, sentences: readonly Sentence[]): number {
  for (const s of sentences) {
    if (s.boilerplate === true) continue;
    const last = text.charCodeAt(s.end - 1);
    if (isTerminator(last) || isCloser(last)) return -1;
    let k = s.end;
    while (k < text.length && isSpace(text.charCodeAt(k)) && !isLineBreak(text.charCodeAt(k))) k++;
    return k >= text.length || isLineBreak(text.charCodeAt(k)) ? s.index : -1;
  }
  return -1;
}

function describe(q: Quantity): string {
  if (q.kind === "date") return formatDateValue(q.value, q.unit);
  if (q.kind === "percent") return formatNumber(q.value) + "%";
  // The folded noun key is for matching, not reading; the quoted text already names it.
  return q.unit === undefined ? formatNumber(q.value) : formatNumber(q.value) + " " + q.unit;
}

const PAST_AFTER_MONTH = new Set(["الماضي", "الماضيه", "المنصرم", "السابق"].map(fold));

type Mood = { past: boolean; projection: boolean; part: boolean };

// "In Syria alone, 5,900": a part of a total counted elsewhere.
const PART_WORDS = new Set(["alone", "وحدها", "وحده", "لوحدها", "لوحده", "بمفرده", "بمفردها"].map(fold));

/** Whether a sentence speaks of an earlier period ("في شباط الماضي", "last year") or of
 *  an expectation ("had predicted", "من المتوقع"); such figures are compared only with
 *  figures of the same mood. */
function moodOf(text: string): Mood {
  const words = fold(text.length > 4000 ? text.slice(0, 4000) : text)
    .split(/[^a-z\u0621-\u064A\u0671-\u06D3]+/)
    .filter((w) => w.length > 0);
  let projection = false;
  let part = false;
  for (const w of words) {
    if (PROJECTION_WORDS.has(w)) projection = true;
    if (PART_WORDS.has(w)) part = true;
  }
  return { past: mentionsPastPeriod(words), projection, part };
}

function mentionsPastPeriod(words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const w = words[k] ?? "";
    const next = words[k + 1] ?? "";
    if (PAST_AFTER_MONTH.has(next) && (MONTHS.has(w) || w === "كانون" || w === "تشرين" || w === "الاول" || w === "الثاني")) return true;
    for (const phrase of PAST_PERIOD) {
      if (phrase[0] !== w) continue;
      let ok = true;
      for (let j = 1; j < phrase.length && ok; j++) ok = words[k + j] === phrase[j];
      if (ok) return true;
    }
  }
  return false;
}

export function findDiscrepancies(text: string, quantities: Quantity[], sentences: Sentence[]): Discrepancy[] {
  const out: Discrepancy[] = [];
  if (typeof text !== "string" || !Array.isArray(quantities) || quantities.length < 2) return out;
  const sents = Array.isArray(sentences) ? sentences : [];
  const byIndex = new Map<number, Sentence>();
  for (const s of sents) if (s !== null && typeof s === "object" && Number.isInteger(s.index)) byIndex.set(s.index, s);

  const yearsBySentence = new Map<number, Set<number>>();
  for (const q of quantities) {
    if (!isValidQuantity(q, text.length)) continue;
    const y = yearOf(q);
    if (y === null) continue;
    let set = yearsBySentence.get(q.sentence);
    if (set === undefined) yearsBySentence.set(q.sentence, (set = new Set()));
    set.add(y);
  }
  const headline = headlineIndex(text, sents);
  const moodCache = new Map<number, Mood>();
  const mood = (sentence: number): Mood => {
    let v = moodCache.get(sentence);
    if (v === undefined) {
      const s = byIndex.get(sentence);
      v = s !== undefined && typeof s.text === "string" ? moodOf(s.text) : { past: false, projection: false, part: false };
      moodCache.set(sentence, v);
    }
    return v;
  };
  const sameMood = (a: number, b: number): boolean => {
    const x = mood(a);
    const y = mood(b);
    return x.past === y.past && x.projection === y.projection && x.part === y.part;
  };
  const label = (q: Quantity) => (q.sentence === headline ? "headline" : "sentence " + String(q.sentence + 1));

  const groups = new Map<string, Bucket[]>();
  for (let idx = 0; idx < quantities.length && out.length < MAX_DISCREPANCIES; idx++) {
    const q = quantities[idx];
    if (!isValidQuantity(q, text.length)) continue;
    const s = byIndex.get(q.sentence);
    if (s !== undefined && s.boilerplate === true) continue;
    const ss = s?.start ?? Math.max(0, q.start - 200);
    const se = s?.end ?? Math.min(text.length, q.end + 200);
    const info: Info = { idx, q, ss, se };
    const keys = groupKeys(text, info);
    if (keys.length === 0) continue;
    if (isComparedFigure(text, q, ss, se)) continue;

    let best: { m: Info; c: Conflict } | undefined;
    const owners: Bucket[][] = [];
    let agreesWithSome = false;
    for (const key of keys) {
      let buckets = groups.get(key);
      if (buckets === undefined) groups.set(key, (buckets = []));
      owners.push(buckets);
      for (const bucket of buckets) {
        if (bucket.value === q.value) {
          agreesWithSome = true;
          continue;
        }
        for (const m of bucket.members) {
          if (m.idx === idx) continue;
          const found = conflict(text, m, info, yearsBySentence);
          if (found === null || !sameMood(m.q.sentence, q.sentence)) continue;
          if (best === undefined || found.distance < best.c.distance) best = { m, c: found };
          break;
        }
      }
    }
    // A figure that repeats an earlier one exactly is a restatement of that one.
    if (agreesWithSome) best = undefined;
    if (best !== undefined) {
      const m = best.m;
      out.push({
        a: m.idx,
        b: idx,
        reason: `${label(m.q)}: ${m.q.text} (${describe(m.q)}); ${label(q)}: ${q.text} (${describe(q)}) — ${explain(m.q, best.c)}`,
      });
    }
    for (const buckets of owners) {
      let own: Bucket | undefined;
      for (const b of buckets) if (b.value === q.value) own = b;
      if (own === undefined && buckets.length < MAX_BUCKETS) buckets.push((own = { value: q.value, members: [] }));
      if (own !== undefined && own.members.length < MAX_MEMBERS) own.members.push(info);
    }
  }
  return out;
}

type Conflict = { slip: number; distance: number };

/** Whether `a` and `b` contradict each other (null when they agree or may not be compared),
 *  with how far apart they are. The arithmetic comes first: it rejects most pairs cheaply. */
function conflict(text: string, a: Info, b: Info, years: Map<number, Set<number>>): Conflict | null {
  const qa = a.q;
  const qb = b.q;
  if (qa.sentence === qb.sentence) return null;
  if (qa.kind === "date") return datesConflict(qa, qb) ? { slip: 0, distance: 0 } : null;

  if (qa.value <= 0 || qb.value <= 0) return null;
  const hi = Math.max(qa.value, qb.value);
  const lo = Math.min(qa.value, qb.value);
  const ratio = hi / lo;
  const slip = ratio >= 999 ? isScaleSlip(qa.value, qb.value) : 0;
  if (ratio > MAX_RATIO && slip === 0) return null;
  if (valuesAgree(qa, qb)) return null;

  const ya = years.get(qa.sentence);
  const yb = years.get(qb.sentence);
  if (ya !== undefined && yb !== undefined) {
    let shared = false;
    for (const y of ya) if (yb.has(y)) shared = true;
    if (!shared) return null;
  }
  if (qa.kind === "measure" || qa.kind === "money") {
    if (qa.noun !== undefined && qb.noun !== undefined && looseKey(qa.noun) !== looseKey(qb.noun)) return null;
  }
  if (qa.kind === "money" && slip === 0 && (qa.noun === undefined || qb.noun === undefined)) {
    const ca = contextWords(text, a);
    const cb = contextWords(text, b);
    let shared = false;
    for (const w of ca) if (cb.has(w)) shared = true;
    if (!shared) return null;
  }
  const pa = predicateOf(text, a);
  const pb = predicateOf(text, b);
  if (pa !== null && pb !== null && pa !== pb) return null;

  return { slip, distance: slip > 0 ? 0 : (hi - lo) / hi };
}

function explain(a: Quantity, c: Conflict): string {
  if (a.kind === "date") return "different dates for the same event";
  if (c.slip > 0) return `the same digits at a different scale (×${formatNumber(Math.pow(10, c.slip))})`;
  const pct = c.distance * 100;
  return `differ by ${pct >= 10 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

// Pairs of figures in one article whose frames agree (same measure, family, qualifiers,
// part-of flag and place; overlapping years and periods) and whose values cannot both
// be true ("conflict"), or an earlier figure and the figure that replaced it ("update").
//
// Never paired: projections, changes ("an increase of"), background events, a figure
// with a figure of another period, values within their bounds and rounding, and two
// figures of one sentence unless two different sources give them. Each figure is
// compared with the first mentions of the other values of its frame and paired once,
// with the earliest value it contradicts, so work and output stay proportional to the
// number of figures.
import { isCloser, isLineBreak, isSpace, isTerminator } from "./chars";
import { formatDateValue, formatNumber } from "./format";
import { buildFrames } from "./frames";
import { rangesAgree } from "./frame-values";
import { isArabicWordChar } from "./chars";
import { EVENT_MEASURES, STOPWORDS } from "./lexicon";
import { nounKey, stripArticle } from "./normalize";
import { nextWords, prevWords, withoutProclitic } from "./words";
import type { Discrepancy, FigureFrame, Quantity, Sentence } from "./types";

export { valuesAgree } from "./frame-values";

const MAX_BUCKETS = 8;
const MAX_MEMBERS = 4;
const MAX_DISCREPANCIES = 10000;
const MAX_RATIO = 10;

type Member = { idx: number; q: Quantity; f: FigureFrame; r: [number, number]; context?: Set<string> };

const CONTEXT_WORDS = 5;

/** Content words around a figure, as rough stems (three letters of an Arabic word without
 *  its article and proclitic, an English singular): what a figure counted only by its noun
 *  must share with another to be the same count. */
function contextOf(text: string, m: Member, floor: number, limit: number): Set<string> {
  if (m.context !== undefined) return m.context;
  const set = new Set<string>();
  const words = [...prevWords(text, m.q.start, floor, CONTEXT_WORDS), ...nextWords(text, m.q.end, limit, CONTEXT_WORDS)];
  for (const w of words) {
    if (STOPWORDS.has(w.f) || w.f.length < 3) continue;
    const k = nounKey(w.raw);
    const bare = stripArticle(withoutProclitic(k) ?? k);
    set.add(isArabicWordChar(bare.charCodeAt(0)) ? bare.replace(/^[مت]/, "").slice(0, 3) : k);
  }
  m.context = set;
  return set;
}
type Bucket = { value: number; members: Member[] };

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

/** The key two figures must share to be compared. */
export function frameKey(f: FigureFrame): string | null {
  if (f.measure === null) return null;
  const place = f.scope.place === "national" ? "" : (f.scope.place ?? "");
  return [f.measure, f.family, f.qualifiers.join("+"), f.scope.part ? "part" : "whole", place].join("|");
}

const NEVER_COMPARED = new Set(["projection", "change", "other-event"]);

function scaleSlip(a: number, b: number): number {
  const hi = Math.max(Math.abs(a), Math.abs(b));
  const lo = Math.min(Math.abs(a), Math.abs(b));
  if (lo === 0) return 0;
  const ratio = hi / lo;
  const k = Math.round(Math.log10(ratio));
  if (k < 3 || k % 3 !== 0) return 0;
  return Math.abs(ratio / Math.pow(10, k) - 1) < 1e-9 ? k : 0;
}

/** Whether the times of two frames overlap: the same period, and a shared year when both name years. */
function sameTime(a: FigureFrame, b: FigureFrame): boolean {
  const prevA = a.time.relation === "previous-period";
  const prevB = b.time.relation === "previous-period";
  if (prevA !== prevB) return false;
  if (a.time.years.length > 0 && b.time.years.length > 0 && !a.time.years.some((y) => b.time.years.includes(y))) return false;
  return true;
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

export function describeValue(q: Quantity): string {
  if (q.kind === "date") return formatDateValue(q.value, q.unit);
  if (q.kind === "percent") return formatNumber(q.value) + "%";
  return q.unit === undefined ? formatNumber(q.value) : formatNumber(q.value) + " " + q.unit;
}

const BOUND_WORDS: Record<string, string> = {
  exact: "", about: "about ", "at-least": "at least ", "more-than": "more than ", nearly: "nearly ", "up-to": "up to ", "less-than": "less than ",
};

export function findDiscrepancies(text: string, quantities: Quantity[], sentences: Sentence[], given?: readonly (FigureFrame | null)[]): Discrepancy[] {
  const out: Discrepancy[] = [];
  if (typeof text !== "string" || !Array.isArray(quantities) || quantities.length < 2) return out;
  const sents = Array.isArray(sentences) ? sentences.filter((s) => s !== null && typeof s === "object" && Number.isInteger(s.index)) : [];
  const valid = quantities.filter((q) => isValidQuantity(q, text.length));
  if (valid.length !== quantities.length) return out;
  const frames = given ?? buildFrames(text, quantities, sents);
  const boiler = new Set<number>();
  for (const s of sents) if (s.boilerplate === true) boiler.add(s.index);
  const headline = headlineIndex(text, sents);
  const label = (q: Quantity) => (q.sentence === headline ? "headline" : "sentence " + String(q.sentence + 1));
  const side = (m: Member) =>
    `${label(m.q)}${m.f.source === null ? "" : ", according to " + m.f.source.text}: ${m.q.text} (${BOUND_WORDS[m.f.bound] ?? ""}${describeValue(m.q)})`;

  const groups = new Map<string, Bucket[]>();
  const updatedOnce = new Set<number>();
  for (let idx = 0; idx < quantities.length && out.length < MAX_DISCREPANCIES; idx++) {
    const q = quantities[idx] as Quantity;
    const f = frames[idx];
    if (f == null || boiler.has(q.sentence)) continue;
    if (f.time.relation !== null && NEVER_COMPARED.has(f.time.relation)) continue;
    const key = frameKey(f);
    if (key === null) continue;
    // A part that does not say whose part it is ("30 منهم") is compared with nothing.
    if (f.scope.part && f.qualifiers.length === 0) continue;
    const cur: Member = { idx, q, f, r: [f.range.lo, f.range.hi ?? Infinity] };
    let buckets = groups.get(key);
    if (buckets === undefined) groups.set(key, (buckets = []));

    let conflictWith: Member | undefined;
    let slip = 0;
    let updateWith: Member | undefined;
    let restates = false;
    for (const bucket of buckets) {
      for (const m of bucket.members) {
        if (!sameTime(m.f, f)) continue;
        // "Japan pledged $5 million … Germany pledged $20 million": different names, different figures.
        if (m.f.scope.names.length > 0 && f.scope.names.length > 0 && !m.f.scope.names.some((n) => f.scope.names.includes(n))) continue;
        // "Floods in 2019 killed 40" against today's toll with no year: another event.
        if (EVENT_MEASURES.has(f.measure ?? "") && ((m.f.time.yearOnly && f.time.years.length === 0) || (f.time.yearOnly && m.f.time.years.length === 0))) continue;
        const otherDay = m.f.time.days.length > 0 && f.time.days.length > 0 && !m.f.time.days.some((d) => f.time.days.includes(d));
        // "هكتار من الأراضي" and "هكتار من الغابات": amounts of different things.
        if (f.measure === "amount" && m.q.noun !== undefined && q.noun !== undefined && m.q.noun !== q.noun) continue;
        const earlierM = m.f.time.relation === "earlier";
        const earlierC = f.time.relation === "earlier";
        if (rangesAgree(m.q, m.r, q, cur.r)) {
          if (earlierM === earlierC) restates = true;
          break;
        }
        if (m.q.value <= 0 || q.value <= 0) break;
        const ratio = Math.max(m.q.value, q.value) / Math.min(m.q.value, q.value);
        const s = ratio >= 999 ? scaleSlip(m.q.value, q.value) : 0;
        if (ratio > MAX_RATIO && s === 0) break;
        // Counted only by a noun ("230 منزلا", "meals"): the words around must share something.
        if (f.measure !== null && f.measure.startsWith("noun:")) {
          const cm = contextOf(text, m, Math.max(0, m.q.start - 200), Math.min(text.length, m.q.end + 200));
          const cc = contextOf(text, cur, Math.max(0, q.start - 200), Math.min(text.length, q.end + 200));
          let shared = false;
          for (const w of cc) if (cm.has(w)) shared = true;
          if (!shared) break;
        }
        if (earlierM && earlierC) break;
        // "rose to 27" against an unmarked smaller figure: the smaller one is the older value.
        const risesOverM = f.time.relation === "latest" && q.value > m.q.value && m.f.time.relation !== "latest";
        // A smaller figure after "rose to" is the older one, unless another source gives it: "the
        // toll rose to 63, the agency said … the Red Cross said 58" is two sources disagreeing.
        const otherSource = m.f.sourceKey !== null && f.sourceKey !== null && m.f.sourceKey !== f.sourceKey;
        const mRisesOverC = m.f.time.relation === "latest" && m.q.value > q.value && f.time.relation !== "latest" && !otherSource;
        if (earlierM || earlierC || risesOverM || mRisesOverC) {
          const older = earlierC || mRisesOverC ? cur : m;
          if (updateWith === undefined && !updatedOnce.has(older.idx)) updateWith = m;
          break;
        }
        // Figures of different days are daily counts, or updates when marked as such.
        if (otherDay) break;
        const sameSentence = m.q.sentence === q.sentence;
        if (sameSentence && (m.f.sourceKey === null || f.sourceKey === null || m.f.sourceKey === f.sourceKey)) break;
        if (conflictWith === undefined || m.idx < conflictWith.idx) {
          conflictWith = m;
          slip = s;
        }
        break;
      }
    }
    if (restates) conflictWith = undefined;
    if (conflictWith !== undefined) out.push(makeDiscrepancy("conflict", conflictWith, cur, slip, side));
    else if (updateWith !== undefined && !restates) {
      const d = makeDiscrepancy("update", updateWith, cur, 0, side);
      const older = cur.f.time.relation === "earlier" || (updateWith.f.time.relation === "latest" && updateWith.q.value > q.value) ? cur : updateWith;
      updatedOnce.add(older.idx);
      d.from = older.idx;
      d.to = older === cur ? updateWith.idx : cur.idx;
      const o = older === cur ? cur : updateWith;
      const n = older === cur ? updateWith : cur;
      d.reason = `update: ${side(o)} → ${side(n)}`;
      out.push(d);
    }
    let own: Bucket | undefined;
    for (const b of buckets) if (b.value === q.value) own = b;
    if (own === undefined && buckets.length < MAX_BUCKETS) buckets.push((own = { value: q.value, members: [] }));
    if (own !== undefined && own.members.length < MAX_MEMBERS) own.members.push(cur);
  }
  return out;
}

function makeDiscrepancy(type: "conflict" | "update", m: Member, c: Member, slip: number, side: (m: Member) => string): Discrepancy {
  const absolute = c.q.value - m.q.value;
  const relative = Math.abs(absolute) / Math.max(Math.abs(c.q.value), Math.abs(m.q.value));
  const difference: Discrepancy["difference"] = { absolute, relative: Math.round(relative * 10000) / 10000 };
  if (slip > 0) difference.scale = slip;
  const why = slip > 0 ? `the same digits at a different scale (×${formatNumber(Math.pow(10, slip))})` : `differ by ${relative * 100 >= 10 ? (relative * 100).toFixed(0) : (relative * 100).toFixed(1)}%`;
  return {
    a: m.idx,
    b: c.idx,
    reason: `${side(m)}; ${side(c)} — ${why}`,
    type,
    measure: m.f.measure ?? "",
    sources: [m.f.source?.text ?? null, c.f.source?.text ?? null],
    bounds: [m.f.bound, c.f.bound],
    difference,
  };
}

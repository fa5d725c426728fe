// A frame for every figure (see FigureFrame in types.ts): the measure from the words
// around the figure (nearest first, never past a neighbouring figure), its bound, its
// part-of and place markers, and, from the sentence, its time relation and source.
// Every reader is bounded, and sentence facts are computed once per sentence.
//
// (A little over 300 lines: the readers of one frame (measure, bound, part, place, time, source)
// share the figure's window of words and read best side by side; the sentence-wide facts live in
// frame-sentence.ts and the values in frame-values.ts.)
import { isArabicWordChar } from "./chars";
import { COMPARISON_BEFORE, MEASURE_EXACT, MEASURE_PHRASE, MEASURE_STEMS, PART_BEFORE, PART_PHRASES_BEFORE, PART_WORDS, PROJECTION_MARKERS, REGION_PLURALS, RISE_VERBS, SUBGROUP_NOUNS, GENERIC_COUNT_NOUNS, STOPWORDS, CHANGE_BEFORE } from "./lexicon";
import { isDefinite, looseKey, nounKey, stripArticle } from "./normalize";
import { sentenceFacts, type Marker, type SentenceFacts } from "./frame-sentence";
import { boundOf, rangeOf } from "./frame-values";
import type { FigureFrame, Quantity, Sentence, TimeRelation } from "./types";
import { nextWords, prevWords, withoutProclitic, type Word } from "./words";

const BEFORE_WINDOW = 7;
const CLAUSE_BREAKS = new Set(["and", "while", "whereas", "but", "فيما", "بينما", "لكن", "ولكن"]);
const PASSIVE_AUX = new Set(["were", "was", "are", "is", "had", "have", "has"]);
const AFTER_WINDOW = 5;

/** The measure class a folded word names, if any: whole words, then Arabic stems. */
const measureCache = new Map<string, string | null>();
const MAX_CACHE = 20000;

export function measureOfWord(f: string): string | undefined {
  const cached = measureCache.get(f);
  if (cached !== undefined) return cached ?? undefined;
  const found = lookupMeasure(f);
  if (measureCache.size >= MAX_CACHE) measureCache.clear();
  measureCache.set(f, found ?? null);
  return found;
}

function lookupMeasure(f: string): string | undefined {
  const direct = MEASURE_EXACT.get(f);
  if (direct !== undefined) return direct;
  const bare = withoutProclitic(f);
  const art = stripArticle(bare ?? f);
  const again = MEASURE_EXACT.get(art) ?? (bare !== null ? MEASURE_EXACT.get(bare) : undefined) ?? MEASURE_EXACT.get(stripArticle(f));
  if (again !== undefined) return again;
  if (f.length === 0 || !isArabicWordChar(f.charCodeAt(0))) return undefined;
  // Stems with up to three letters of inflection after, and the imperfect prefixes.
  for (const cand of [art, stripArticle(f), f]) {
    for (let cut = 0; cut <= 3 && cand.length - cut >= 3; cut++) {
      const stem = cut === 0 ? cand : cand.slice(0, cand.length - cut);
      const hit = MEASURE_STEMS.get(stem);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

function familyOf(q: Quantity): string | null {
  switch (q.kind) {
    case "count":
      return "count";
    case "percent":
      return "percent";
    case "money":
      return "money:" + (q.unit ?? "?");
    case "measure":
      return "measure:" + (q.unit === "km" || q.unit === "km²" ? "km/km²" : (q.unit ?? "?"));
    default:
      return null;
  }
}

type Local = { measure: string | null; qualifier: string | null; part: boolean; place: string | null; relation: TimeRelation | null };

function phraseBefore(words: readonly Word[], phrases: readonly (readonly string[])[]): boolean {
  const fs = words.map((w) => w.f);
  for (const p of phrases) {
    if (p.length > fs.length) continue;
    let ok = true;
    for (let k = 0; k < p.length && ok; k++) {
      const have = fs[fs.length - p.length + k] ?? "";
      ok = have === p[k] || (k === 0 && withoutProclitic(have) === p[k]);
    }
    if (ok) return true;
  }
  return false;
}

/** Measure, qualifier, part and relation from the words next to the figure. */
function localFrame(q: Quantity, before: readonly Word[], after: readonly Word[]): Local {
  const noun = q.noun !== undefined && q.noun.length > 0 ? looseKey(q.noun) : undefined;
  let measure: string | null = null;
  let qualifier: string | null = null;
  // A measure's unit says what it is ("2.4 مليون هكتار"); its topic noun is checked apart.
  if (q.kind === "measure") return { measure: "amount", qualifier: null, part: false, place: null, relation: relationOf(before, after) };
  if (noun !== undefined) {
    const m = measureOfWord(noun);
    if (m !== undefined) measure = m;
    else if (SUBGROUP_NOUNS.has(noun)) qualifier = noun;
  }
  // Two-word measures, then single cue words, nearest first; before wins a tie.
  if (measure === null) {
    for (let k = 0; k + 1 < before.length && measure === null; k++) {
      const hit = MEASURE_PHRASE.get((before[k] as Word).f + " " + (before[k + 1] as Word).f);
      if (hit !== undefined) measure = hit;
    }
    // Words before a conjunction belong to another clause ("63 had died and 210 were injured").
    let cut = 0;
    for (let k = before.length - 1; k >= 0; k--) {
      if (CLAUSE_BREAKS.has((before[k] as Word).f)) {
        cut = k + 1;
        break;
      }
    }
    const own = cut > 0 ? before.slice(cut) : before;
    // "210 were injured": an English passive after the figure binds before the verb before it.
    const passive = after.length >= 2 && PASSIVE_AUX.has((after[0] as Word).f);
    for (let d = 0; d < BEFORE_WINDOW && measure === null; d++) {
      const b = passive && d === 0 ? undefined : own[own.length - 1 - d];
      const a = after[d];
      if (b === undefined && a === undefined && d >= own.length) break;
      const mb = b === undefined || STOPWORDS.has(b.f) ? undefined : measureOfWord(b.f);
      if (mb !== undefined) measure = mb;
      else {
        const ma = a === undefined || STOPWORDS.has(a.f) ? undefined : measureOfWord(a.f);
        if (ma !== undefined) measure = ma;
      }
    }
  }
  if (measure === null && noun !== undefined && qualifier === null && !GENERIC_COUNT_NOUNS.has(noun)) {
    measure = "noun:" + noun;
  }

  const near = before.slice(-3);
  let part = phraseBefore(near, PART_PHRASES_BEFORE) || (near.length > 0 && PART_BEFORE.has(near[near.length - 1]?.f ?? ""));
  // "15 من القتلى", "30 منهم", "15 of the dead", "12 of them": a part of a figure given before.
  const a0 = after[0]?.f;
  if (a0 === "منهم" || a0 === "منهن" || ((a0 === "of" || a0 === "among") && (after[1]?.f === "them" || after[1]?.f === "whom"))) part = true;
  if (a0 === "من" || a0 === "of") {
    const target = after[1]?.f === "the" ? after[2] : after[1];
    if (target !== undefined && (isDefinite(target.f) || after[1]?.f === "the") && measureOfWord(target.f) !== undefined) part = true;
  }
  for (const w of before) if (PART_WORDS.has(w.f)) part = true;
  // "30 منهم مدنيون", "12 of the dead were children": who the part is, written after it.
  if (part && qualifier === null) {
    for (const w of after) {
      const k = nounKey(w.raw);
      if (SUBGROUP_NOUNS.has(k)) {
        qualifier = k;
        break;
      }
    }
  }
  for (const w of after) if (PART_WORDS.has(w.f)) part = true;
  let place: string | null = null;
  for (const w of [...before.slice(-4), ...after]) {
    if (REGION_PLURALS.has(stripArticle(w.f))) {
      place = "regional:" + nounKey(w.raw);
      break;
    }
  }
  return { measure, qualifier, part, place, relation: relationOf(before, after) };
}

function relationOf(before: readonly Word[], after: readonly Word[]): TimeRelation | null {
  if (phraseBefore(before, CHANGE_BEFORE)) return "change";
  if (phraseBefore(before, COMPARISON_BEFORE) || isFromBound(before, after)) return "earlier";
  const near = before.slice(-4);
  if (near.some((w) => PROJECTION_MARKERS.has(w.f) || PROJECTION_MARKERS.has(withoutProclitic(w.f) ?? ""))) return "projection";
  if (before.slice(-6).some((w) => RISE_VERBS.has(w.f) || RISE_VERBS.has(withoutProclitic(w.f) ?? ""))) return "latest";
  return null;
}

/** "من 200 ألف إلى 350 ألف", "from 5 to 7": the first figure is the older value. */
function isFromBound(before: readonly Word[], after: readonly Word[]): boolean {
  const last = before[before.length - 1]?.f;
  if (last !== "من" && last !== "from") return false;
  return after.slice(0, 4).some((w) => w.f === "الي" || w.f === "to");
}

/** Frames for `quantities` (null where a figure is not a countable amount). */
export function buildFrames(text: string, quantities: readonly Quantity[], sentences: readonly Sentence[]): (FigureFrame | null)[] {
  const bySentence = new Map<number, Sentence>();
  for (const s of sentences) bySentence.set(s.index, s);
  const facts = new Map<number, SentenceFacts>();
  const years = new Map<number, number[]>();
  const datedSentences = new Set<number>();
  for (const q of quantities) {
    if (q.kind !== "date" || q.unit === undefined || q.unit === "mmdd") continue;
    const y = q.unit === "yyyy" ? q.value : q.unit === "yyyymm" ? Math.floor(q.value / 100) : Math.floor(q.value / 10000);
    const list = years.get(q.sentence);
    if (list === undefined) years.set(q.sentence, [y]);
    else if (!list.includes(y) && list.length < 8) list.push(y);
    if (q.unit !== "yyyy") datedSentences.add(q.sentence);
  }
  // The first figure of each sentence, and a figure's neighbours in its sentence (at most 8 each
  // side, so that a sentence of 10,000 numbers stays linear), for the periods they are of.
  const firstFigure = new Map<number, number>();
  for (const q of quantities) if (q.kind !== "date" && !firstFigure.has(q.sentence)) firstFigure.set(q.sentence, q.start);
  const neighbours = (i: number): Quantity[] => {
    const q = quantities[i] as Quantity;
    const list: Quantity[] = [];
    for (let j = Math.max(0, i - 8); j <= Math.min(quantities.length - 1, i + 8); j++) {
      const o = quantities[j] as Quantity;
      if (o.sentence === q.sentence && o.kind !== "date") list.push(o);
    }
    return list;
  };
  const out: (FigureFrame | null)[] = [];
  let lastSource: { text: string; start: number; end: number; key: string } | null = null;
  let lastSourceSentence = -1;
  const sourceAt = new Map<number, { text: string; start: number; end: number; key: string } | null>();
  for (let i = 0; i < quantities.length; i++) {
    const q = quantities[i] as Quantity;
    const family = familyOf(q);
    // Without its sentence (a caller's partial input), a window around the figure stands in.
    const s = bySentence.get(q.sentence) ?? { index: q.sentence, start: Math.max(0, q.start - 200), end: Math.min(text.length, q.end + 200), text: "" };
    if (family === null) {
      out.push(null);
      continue;
    }
    const prevQ = quantities[i - 1];
    const nextQ = quantities[i + 1];
    const floor = prevQ !== undefined && prevQ.sentence === q.sentence ? Math.max(s.start, prevQ.end) : s.start;
    const limit = nextQ !== undefined && nextQ.sentence === q.sentence ? Math.min(s.end, nextQ.start) : s.end;
    const before = prevWords(text, q.start, floor, BEFORE_WINDOW);
    const after = nextWords(text, q.end, limit, AFTER_WINDOW);
    const local = localFrame(q, before, after);
    // A part with no measure of its own ("مقتل 9 بينهم 4 أطفال") takes the whole's.
    const prevFrame = out[i - 1];
    if ((local.part || local.measure === null) && prevFrame != null && prevQ?.sentence === q.sentence && (local.part || local.relation === "earlier")) {
      if (local.measure === null || local.measure.startsWith("noun:")) local.measure = prevFrame.measure;
    }
    // "up from 23": an earlier value of the figure before it in the sentence.
    if (local.relation === "earlier" && local.measure === null && prevFrame != null && prevQ?.sentence === q.sentence) local.measure = prevFrame.measure;

    // Sentence facts are read only for figures that could be compared.
    let f = local.measure === null ? NO_FACTS : facts.get(q.sentence);
    if (f === undefined) {
      f = sentenceFacts(text, s.start, s.end);
      facts.set(q.sentence, f);
    }
    let relation = local.relation;
    if (relation === null && f.otherEvent) relation = "other-event";
    if (relation === null && f.increment) relation = "change";
    if (relation === null && f.earlierAt.length > 0) relation = "earlier";
    if (relation === null && f.periods.length > 0) relation = periodOf(f, q, firstFigure.get(q.sentence) ?? q.start, neighbours(i));
    // "مقارنة بـ 1.93 مليون في الربع السابق": another period, not an earlier report.
    else if (relation === "earlier" && f.periods.length > 0 && periodOf(f, q, firstFigure.get(q.sentence) ?? q.start, neighbours(i)) === "previous-period") relation = "previous-period";

    // The source: the nearest attribution before the figure, else the first after it.
    let src: Attribution | undefined;
    for (const a of f.attributions) if (a.at <= q.start) src = a;
    if (src === undefined) src = f.attributions.find((a) => a.at > q.start);
    let source: { text: string; start: number; end: number; key: string } | null = null;
    if (src !== undefined && !src.inherit) source = { text: src.text, start: src.start, end: src.end, key: src.key };
    else if (src !== undefined && lastSource !== null && q.sentence - lastSourceSentence <= 3) source = lastSource;
    if (!sourceAt.has(q.sentence) && source !== null) sourceAt.set(q.sentence, source);
    if (source !== null) {
      lastSource = source;
      lastSourceSentence = q.sentence;
    }

    const bound = boundOf(q, before, after);
    const range = rangeOf(q, bound);
    const frame: FigureFrame = {
      measure: local.measure,
      family,
      qualifiers: local.qualifier === null ? [] : [local.qualifier],
      scope: { part: local.part || f.part, names: namesNear(f, q, floor, limit), place: local.place ?? f.region ?? (f.national ? "national" : null) },
      time: { years: years.get(q.sentence) ?? [], yearOnly: years.has(q.sentence) && !datedSentences.has(q.sentence), days: f.days, relation },
      source: source === null ? null : { text: source.text, start: source.start, end: source.end },
      sourceKey: source === null ? null : source.key,
      bound,
      range: { lo: range[0], hi: Number.isFinite(range[1]) ? range[1] : null },
    };
    out.push(frame);
  }
  return out;
}

type Attribution = SentenceFacts["attributions"][number];
const NO_FACTS: SentenceFacts = { attributions: [], earlierAt: [], periods: [], otherEvent: false, national: false, part: false, region: null, names: [], days: [], increment: false };
const NAME_BEFORE = 90;
const NAME_AFTER = 60;

/** The names written near a figure, between its neighbouring figures. */
function namesNear(f: SentenceFacts, q: Quantity, floor: number, limit: number): string[] {
  const out: string[] = [];
  const from = Math.max(floor, q.start - NAME_BEFORE);
  const to = Math.min(limit, q.end + NAME_AFTER);
  for (const n of f.names) if (n.at >= from && n.at < to && !out.includes(n.key)) out.push(n.key);
  return out;
}

/**
 * The period a figure is of. A period word before every figure of the sentence ("In the previous
 * quarter, …") is the whole sentence's; one written among the figures is the nearest figure's
 * ("7.2% in the third quarter, against 7.9% in the previous quarter": only 7.9% is of the
 * previous quarter). Null when every period word of the sentence belongs to another figure.
 */
function periodOf(f: SentenceFacts, q: Quantity, first: number, sentenceFigures: readonly Quantity[]): TimeRelation | null {
  let best: Marker | undefined;
  for (const p of f.periods) {
    if (Math.abs(p.at - q.start) > 400) continue;
    let owner: Quantity | undefined;
    if (p.at >= first) {
      for (const o of sentenceFigures) {
        const d = p.at < o.start ? o.start - p.at : p.at - o.end;
        const od = owner === undefined ? Infinity : p.at < owner.start ? owner.start - p.at : p.at - owner.end;
        if (d < od) owner = o;
      }
      if (owner !== undefined && owner !== q) continue;
    }
    if (best === undefined || Math.abs(p.at - q.start) < Math.abs(best.at - q.start)) best = p;
  }
  if (best === undefined) return null;
  return best.kind === "previous" ? "previous-period" : "current-period";
}

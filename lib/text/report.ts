// The human-readable report of `analyze` for the command line.
import { formatDateValue, formatNumber } from "./format";
import type { AnalysisResult, Quantity } from "./types";

export type ReportOptions = {
  /** Highlight figures with ANSI colours instead of ⟦ ⟧ brackets. */
  color?: boolean;
};

const ANSI_FIGURE = "\u001b[1;33m";
const ANSI_DIM = "\u001b[2m";
const ANSI_RESET = "\u001b[0m";

/** Control and bidi-override characters would reorder or corrupt a terminal line
 *  (the "Trojan Source" trick); they are shown as visible code points instead. */
function visible(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g, (c) => {
    return "⟨U+" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0") + "⟩";
  }).replace(/[\r\n\t]+/g, " ");
}

function describe(q: Quantity): string {
  if (q.kind === "date") return formatDateValue(q.value, q.unit);
  if (q.kind === "percent") return formatNumber(q.value) + "%";
  // The noun key is folded for matching; the quoted figure already names the noun.
  return q.unit === undefined ? formatNumber(q.value) : formatNumber(q.value) + " " + q.unit;
}

function highlight(sentenceText: string, offset: number, figures: readonly Quantity[], color: boolean): string {
  let out = "";
  let at = 0;
  for (const q of figures) {
    const s = q.start - offset;
    const e = q.end - offset;
    if (s < at || e > sentenceText.length) continue;
    out += visible(sentenceText.slice(at, s));
    const fig = visible(sentenceText.slice(s, e));
    out += color ? ANSI_FIGURE + fig + ANSI_RESET : "⟦" + fig + "⟧";
    at = e;
  }
  return out + visible(sentenceText.slice(at));
}

export function formatReport(result: AnalysisResult, options: ReportOptions = {}): string {
  const color = options.color === true;
  const lines: string[] = [];
  const { sentences, quantities, discrepancies } = result;
  lines.push(`Language: ${result.language} (${result.direction})`);
  const conflicts = discrepancies.filter((d) => d.type !== "update");
  const updates = discrepancies.filter((d) => d.type === "update");
  lines.push(`Sentences: ${sentences.length}   Figures: ${quantities.length}   Contradictions: ${conflicts.length}   Updates: ${updates.length}`);
  lines.push("");

  const bySentence = new Map<number, Quantity[]>();
  for (const q of quantities) {
    let list = bySentence.get(q.sentence);
    if (list === undefined) bySentence.set(q.sentence, (list = []));
    list.push(q);
  }
  const width = String(sentences.length).length;
  for (const s of sentences) {
    const n = String(s.index + 1).padStart(width, " ");
    const body = highlight(s.text, s.start, bySentence.get(s.index) ?? [], color);
    if (s.boilerplate === true) {
      lines.push(color ? `${ANSI_DIM}${n}. [boilerplate] ${body}${ANSI_RESET}` : `${n}. [boilerplate] ${body}`);
    } else lines.push(`${n}. ${body}`);
  }

  if (quantities.length > 0) {
    lines.push("");
    lines.push("Figures:");
    quantities.forEach((q, i) => {
      const hedge = q.qualifier === undefined ? "" : `, ${q.qualifier}`;
      const f = q.frame;
      const frame = f === undefined || f.measure === null ? "" : ` {${[f.measure, f.bound === "exact" ? "" : f.bound, f.scope.part ? "part" : "", f.time.relation ?? "", f.source === null ? "" : "per " + f.source.text].filter((x) => x !== "").map(visible).join(", ")}}`;
      lines.push(`  #${i + 1} [${q.kind}${hedge}] ${visible(q.text)} = ${describe(q)} (sentence ${q.sentence + 1})${frame}`);
    });
  }

  lines.push("");
  if (conflicts.length === 0) lines.push("Contradictions: none found");
  else {
    lines.push("Contradictions:");
    for (const d of conflicts) lines.push(`  #${d.a + 1} vs #${d.b + 1}: ${visible(d.reason)}`);
  }
  if (updates.length > 0) {
    lines.push("Updates (earlier figure -> later figure):");
    for (const d of updates) lines.push(`  #${(d.from ?? d.a) + 1} -> #${(d.to ?? d.b) + 1}: ${visible(d.reason)}`);
  }
  return lines.join("\n") + "\n";
}

// The goals of issue 17, each a ratio to a baseline measured in the same run (so that a figure
// means the same on a fast machine and a slow one), and the readable table.
type R = Record<string, any>;

export type Goal = {
  name: string;
  value: number | null;
  unit: string;
  baseline: { what: string; value: number | null; unit: string } | null;
  ratio: number | null;
  goal: string;
  met: boolean | null;
};

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

function goal(
  name: string,
  value: unknown,
  unit: string,
  baseline: { what: string; value: unknown; unit: string } | null,
  ratio: unknown,
  goalText: string,
  test: ((x: number) => boolean) | null,
  on: "ratio" | "value" = "ratio",
): Goal {
  const v = num(value);
  const r = num(ratio);
  const judged = on === "ratio" ? r : v;
  return {
    name,
    value: v,
    unit,
    baseline: baseline ? { what: baseline.what, value: num(baseline.value), unit: baseline.unit } : null,
    ratio: r,
    goal: goalText,
    met: test === null || judged === null ? null : test(judged),
  };
}

export function goalsOf(r: R): Goal[] {
  return [
    goal("claim create, 32 clients", r.claimCreate?.reqPerS, "req/s", { what: "raw pg, Sanad's claim statements", value: r.rawPg?.claimStatements?.opsPerS, unit: "claims/s" }, r.claimCreate?.ratioToRawPg, ">= 0.35x (stretch 0.5x)", (x) => x >= 0.35),
    goal("claim create, app CPU", r.claimCreate?.serverCpuMsPerRequest, "ms/request", null, null, "print it; halve it", null, "value"),
    goal("export, rows/s", r.export?.rowsPerS, "rows/s", { what: "raw pg cursor + JSONL, one process", value: r.export?.rawCursor?.rowsPerS, unit: "rows/s" }, r.export?.ratioToRawCursor, ">= 0.5x", (x) => x >= 0.5),
    goal("export, memory growth", r.export?.rssGrowthMb, "MB", { what: "the app's idle RSS", value: r.export?.idleRssMb, unit: "MB" }, null, "growth <= 64 MB", (x) => x <= 64, "value"),
    goal("restore, peak RSS", r.restore?.peakRssMb, "MB", null, null, "<= 300 MB, streamed", (x) => x <= 300, "value"),
    goal("import, articles/s", r.import?.articlesPerS, "articles/s", { what: "analyze() alone, one process", value: r.import?.analysisAlone?.articlesPerS, unit: "articles/s" }, r.import?.ratioToAnalysis, ">= 0.5x", (x) => x >= 0.5),
    goal("article page, browser", r.articlePage?.browserInteractiveMs, "ms", { what: "static HTML of the same sentences", value: r.articlePage?.staticPage?.browserInteractiveMs, unit: "ms" }, r.articlePage?.ratioToStatic, "<= 2x", (x) => x <= 2),
    goal("analysis, paragraphs", r.analysis?.paragraphs?.mbPerS, "MB/s", { what: "bare Intl.Segmenter", value: r.analysis?.paragraphs?.bareSegmenterMbPerS, unit: "MB/s" }, r.analysis?.paragraphs?.timeRatio, "<= 2x the time", (x) => x <= 2),
    goal("analysis, one paragraph", r.analysis?.oneParagraph?.mbPerS, "MB/s", { what: "bare Intl.Segmenter", value: r.analysis?.oneParagraph?.bareSegmenterMbPerS, unit: "MB/s" }, r.analysis?.oneParagraph?.timeRatio, "< 0.5x the time", (x) => x < 0.5),
    goal("search p95 / raw tsquery (worst size)", r.search?.rows?.length ? Math.max(...r.search.rows.map((x: R) => x.searchClaims.p95Ms)) : null, "ms", { what: "one tsquery over the same index, plain pg", value: r.search?.rows?.length ? Math.max(...r.search.rows.map((x: R) => x.rawTsquery.p95Ms)) : null, unit: "ms" }, r.search?.searchP95OverRaw, "<= 5x", (x) => x <= 5),
    // The raw query ranks every match, so it grows with the archive itself: search is "flat" when it grows no faster.
    goal("search p95 growth, smallest to largest archive", r.search?.searchP95Growth, "x", { what: "the raw tsquery's growth", value: r.search?.rawP95Growth, unit: "x" }, r.search?.searchP95Growth && r.search?.rawP95Growth ? Math.round((r.search.searchP95Growth / r.search.rawP95Growth) * 100) / 100 : null, "<= 1x the raw query's growth", (x) => x <= 1),
    goal("matches p95 growth, smallest to largest archive", r.search?.matchesP95Growth, "x", null, null, "flat (<= 2x), wording in every answer", (x) => x <= 2 && !r.search?.matchesWithoutWording, "value"),
    goal("hostile article import RSS", r.hostileArticle?.importRssGrowthMb, "MB", null, null, "RSS growth <= 256 MB", (x) => x <= 256, "value"),
    goal("hostile article workspace", r.hostileArticle?.workspaceFirstResponseKb, "KB", null, null, "first response < 1 MB", (x) => x < 1024, "value"),
    goal("hostile article probe p95", r.hostileArticle?.probe?.p95Ms, "ms", null, null, "p95 < 1 s meanwhile", (x) => x < 1000, "value"),
  ];
}

function rows(obj: R, prefix = ""): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (v && typeof v === "object" && !Array.isArray(v)) out.push(...rows(v, `${prefix}${k}.`));
    else out.push([`${prefix}${k}`, Array.isArray(v) ? JSON.stringify(v) : String(v)]);
  }
  return out;
}

const show = (v: number | null, unit: string) => (v === null ? "-" : `${v.toLocaleString("en")} ${unit}`);

export function formatTable(r: R): string {
  const lines: string[] = [];
  const m = r.machine ?? {};
  lines.push(`Sanad benchmarks, ${r.startedAt} (${r.durationS} s)`);
  lines.push(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}, Node ${m.node}`);
  if (m.loadAverage) lines.push(`load average: ${m.loadAverage.join(" ")} at the start, ${(m.loadAverageAtEnd ?? []).join(" ")} at the end`);
  if (r.database) lines.push(`database: ${r.database}; app pool ${r.poolSize} connections per process`);
  if (r.sizes) lines.push(`sizes: ${Object.entries(r.sizes).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  for (const section of ["analysis", "import", "claimCreate", "articlePage", "articleList", "export", "restore", "scaleOut", "rawPg", "hostileArticle", "search"]) {
    if (!r[section]) continue;
    lines.push("", section);
    const body = rows(r[section]);
    const width = Math.max(...body.map(([k]) => k.length));
    for (const [k, v] of body) lines.push(`  ${k.padEnd(width)}  ${v}`);
  }
  lines.push("", "goals: each figure beside its baseline from this run");
  const goals: Goal[] = r.goals ?? [];
  const table = [["figure", "measured", "baseline (same run)", "ratio", "goal", ""]];
  for (const g of goals) {
    const mark = g.met === null ? (g.value === null ? "not run" : "") : g.met ? "met" : "MISSED";
    table.push([
      g.name,
      show(g.value, g.unit),
      g.baseline ? `${g.baseline.what}: ${show(g.baseline.value, g.baseline.unit)}` : "-",
      g.ratio === null ? "-" : `${g.ratio}x`,
      g.goal,
      mark,
    ]);
  }
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) lines.push("  " + row.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd());
  return lines.join("\n") + "\n";
}

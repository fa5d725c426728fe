// The goals of issue 9, checked against a run's figures, and the readable table.
type R = Record<string, any>;

export type Goal = { name: string; goal: string; value: number | null; unit: string; met: boolean | null };

function goal(name: string, value: unknown, unit: string, goalText: string, test: (v: number) => boolean): Goal {
  const v = typeof value === "number" && Number.isFinite(value) ? value : null;
  return { name, goal: goalText, value: v, unit, met: v === null ? null : test(v) };
}

export function goalsOf(r: R): Goal[] {
  return [
    goal("claimCreate p95", r.claimCreate?.p95Ms, "ms", "<= 50 ms at 32 clients", (v) => v <= 50),
    goal("claimCreate throughput", r.claimCreate?.reqPerS, "req/s", ">= 300 req/s at 32 clients", (v) => v >= 300),
    goal("articlePage server", r.articlePage?.serverMs, "ms", "<= 500 ms (2,000 sentences)", (v) => v <= 500),
    goal("articlePage browser", r.articlePage?.browserInteractiveMs, "ms", "<= 2,000 ms to answer input", (v) => v <= 2000),
    goal("articleList", r.articleList?.ms, "ms", "<= 300 ms (10,000 articles)", (v) => v <= 300),
    goal("export throughput", r.export?.rowsPerS, "rows/s", ">= 20,000 rows/s", (v) => v >= 20000),
    goal("export memory", r.export?.peakRssMb, "MB", "peak RSS <= 300 MB", (v) => v <= 300),
    goal("import", r.import?.articlesPerS, "articles/s", ">= 100 articles/s", (v) => v >= 100),
    goal("analysis, paragraphs", r.analysis?.paragraphs?.timeRatio, "x segmenter time", "<= 4x bare Intl.Segmenter", (v) => v <= 4),
    goal("analysis, one paragraph", r.analysis?.oneParagraph?.timeRatio, "x segmenter time", "< 0.5x bare Intl.Segmenter", (v) => v < 0.5),
    goal("hostile article import RSS", r.hostileArticle?.importRssGrowthMb, "MB", "RSS growth <= 256 MB", (v) => v <= 256),
    goal("hostile article workspace", r.hostileArticle?.workspaceFirstResponseKb, "KB", "first response < 1 MB", (v) => v < 1024),
    goal("hostile article probe p95", r.hostileArticle?.probe?.p95Ms, "ms", "p95 < 1 s meanwhile", (v) => v < 1000),
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

export function formatTable(r: R): string {
  const lines: string[] = [];
  const m = r.machine ?? {};
  lines.push(`Sanad benchmarks, ${r.startedAt} (${r.durationS} s)`);
  lines.push(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}, Node ${m.node}`);
  if (m.loadAverage) lines.push(`load average: ${m.loadAverage.join(" ")} at the start, ${(m.loadAverageAtEnd ?? []).join(" ")} at the end`);
  if (r.database) lines.push(`database: ${r.database}; app pool ${r.poolSize} connections per process`);
  for (const section of ["analysis", "import", "claimCreate", "articlePage", "articleList", "export", "scaleOut", "rawPg", "hostileArticle"]) {
    if (!r[section]) continue;
    lines.push("", section);
    const body = rows(r[section]);
    const width = Math.max(...body.map(([k]) => k.length));
    for (const [k, v] of body) lines.push(`  ${k.padEnd(width)}  ${v}`);
  }
  lines.push("", "goals");
  const goals: Goal[] = r.goals ?? [];
  const w = Math.max(...goals.map((g) => g.name.length));
  for (const g of goals) {
    const mark = g.met === null ? "not run" : g.met ? "met" : "MISSED";
    lines.push(`  ${g.name.padEnd(w)}  ${String(g.value ?? "-").padStart(9)} ${g.unit.padEnd(16)} goal ${g.goal.padEnd(30)} ${mark}`);
  }
  return lines.join("\n") + "\n";
}

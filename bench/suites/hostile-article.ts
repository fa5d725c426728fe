// Issue 12, "one article can stall the server": the worst article the import accepts (~6 MiB of
// short sentences, figures up to the limit of one article, sentences near theirs), and the
// hostile one it must refuse cheaply (~6 MiB of figure sentences, ~260,000 figures), imported
// over HTTP as a reviewer, then the accepted one's workspace page and API view. Meanwhile a probe
// (GET /api/health and a small API read, alternately, every 50 ms whether or not the last one
// has answered) measures what everyone else waits, and the app's RSS is sampled every 20 ms.
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { analyzeWithinLimits, MAX_FIGURES, MAX_SENTENCES } from "@/lib/articles/article-limits";
import { hostileArticle, type HostileArticle } from "../lib/hostile-article";
import { memoryOf, startApp } from "../lib/harness";
import { createProject, createUsers, sessionCookie } from "../lib/seed";
import { log, median, nowMs, percentile, round } from "../lib/stats";

/** The largest article (bytes first, then figures, then sentences) the limits let in. */
function worstAccepted(): HostileArticle & { figures: number; analysedSentences: number } {
  let figureSentences = Math.floor(MAX_FIGURES / 3);
  let plainLength = 90;
  for (let attempt = 0; attempt < 20; attempt++) {
    const a = hostileArticle({ figureSentences, plainLength, seed: 7 });
    const r = analyzeWithinLimits(a.body, null);
    if (r.ok) return { ...a, figures: r.analysis.quantities.length, analysedSentences: r.analysis.sentences.length };
    if (r.overrun.reason === "too_many_figures") figureSentences = Math.floor(figureSentences * 0.97);
    else plainLength = Math.ceil(plainLength * 1.1);
  }
  throw new Error("no article under the limits found");
}

type Probe = { at: number; ms: number; status: number };

function startProbes(urls: { url: string; headers?: Record<string, string> }[], everyMs = 50) {
  const done: Probe[] = [];
  const inFlight = new Set<Promise<void>>();
  let n = 0;
  const timer = setInterval(() => {
    const { url, headers } = urls[n++ % urls.length];
    const t0 = nowMs();
    const p = fetch(url, { headers })
      .then(async (res) => {
        await res.arrayBuffer();
        done.push({ at: t0, ms: nowMs() - t0, status: res.status });
      })
      .catch(() => {
        done.push({ at: t0, ms: nowMs() - t0, status: 0 });
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }, everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await Promise.all(inFlight);
      return done;
    },
  };
}

const threadsOf = (pid: number) => {
  try {
    return Number(/^Threads:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
};

/** The app's RSS, sampled every 20 ms, and its most threads (the analysis worker shows as more). */
function sampleRss(pid: number) {
  let peak = memoryOf(pid).rssMb;
  let threads = threadsOf(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, memoryOf(pid).rssMb);
    threads = Math.max(threads, threadsOf(pid));
  }, 20);
  return {
    threads: () => threads,
    peak: () => Math.max(peak, memoryOf(pid).rssMb),
    reset: () => (peak = memoryOf(pid).rssMb),
    stop: () => clearInterval(timer),
  };
}

export async function runHostileArticle({ databaseUrl, poolSize }: { databaseUrl: string; poolSize: number }) {
  const worst = worstAccepted();
  const hostile = hostileArticle({ seed: 8 });
  log(`hostile article: refused one ${(hostile.bytes / 2 ** 20).toFixed(2)} MiB, ${hostile.sentences} sentences; accepted one ${(worst.bytes / 2 ** 20).toFixed(2)} MiB, ${worst.analysedSentences} sentences, ${worst.figures} figures`);
  if (worst.analysedSentences > MAX_SENTENCES) throw new Error("the accepted article is over the sentence limit");

  const project = await createProject("bench hostile article");
  const [reviewer] = await createUsers(project.id, 1, "reviewer", "hostile");
  const cookie = await sessionCookie(reviewer);
  const app = await startApp({ databaseUrl, poolSize, nodeOptions: `--require ${path.join(process.cwd(), "bench/lib/event-loop-probe.cjs")}` });
  // `next start` may serve from a child process: every process of the app writes its own file.
  const eldFiles = () => app.serverPids().map((pid) => `/tmp/sanad-eld-${pid}.jsonl`).filter((f) => existsSync(f));
  let written: string[] = [];
  const auth = { authorization: `Bearer ${reviewer.token}` };
  const post = async (a: { title: string; body: string }) => {
    const t0 = nowMs();
    const res = await fetch(`${app.url}/api/v1/projects/${project.id}/articles`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ title: a.title, body: a.body }),
    });
    const text = await res.text();
    return { status: res.status, ms: nowMs() - t0, bytes: Buffer.byteLength(text), body: JSON.parse(text) };
  };
  try {
    // Warm the code paths (import, page, API view) on a small article, then let the heap settle.
    const warm = await post(hostileArticle({ maxBytes: 150_000, figureSentences: 500, seed: 9 }));
    if (warm.status !== 201) throw new Error(`warm-up import answered ${warm.status}: ${JSON.stringify(warm.body).slice(0, 300)}`);
    await (await fetch(`${app.url}/articles/${warm.body.id}`, { headers: { cookie: `${cookie.name}=${cookie.value}` } })).text();
    await (await fetch(`${app.url}/api/v1/articles/${warm.body.id}`, { headers: auth })).text();
    for (let i = 0; i < 5; i++) {
      await (await fetch(`${app.url}/api/health`)).text();
      await (await fetch(`${app.url}/api/v1/projects/${project.id}/articles?limit=1`, { headers: auth })).text();
    }
    await new Promise((r) => setTimeout(r, 2_000));
    const idleRssMb = memoryOf(app.pid).rssMb;
    const idleThreads = threadsOf(app.pid);

    const probes = startProbes([
      { url: `${app.url}/api/health` },
      { url: `${app.url}/api/v1/projects/${project.id}/articles?limit=1`, headers: auth },
    ]);
    const rss = sampleRss(app.pid);
    // The probe on an idle app first: on a shared machine, what the machine alone costs.
    const phases: { name: string; from: number; to: number }[] = [];
    const phase = async <T>(name: string, work: () => Promise<T>) => {
      const from = nowMs();
      try {
        return await work();
      } finally {
        phases.push({ name, from, to: nowMs() });
      }
    };
    await phase("idle", () => new Promise((r) => setTimeout(r, 5_000)));

    const refused = await phase("refusedImport", () => post(hostile));
    log(`hostile article: refused with ${refused.status} in ${refused.ms.toFixed(0)} ms (${refused.body?.error?.reason}), peak RSS ${rss.peak().toFixed(0)} MB`);
    if (refused.status !== 413) throw new Error(`the hostile article answered ${refused.status}, not 413`);
    const refusedPeak = rss.peak();

    const accepted = await phase("acceptedImport", () => post(worst));
    log(`hostile article: accepted with ${accepted.status} in ${accepted.ms.toFixed(0)} ms, peak RSS ${rss.peak().toFixed(0)} MB`);
    if (accepted.status !== 201) throw new Error(`the worst accepted article answered ${accepted.status}: ${JSON.stringify(accepted.body).slice(0, 300)}\napp output:\n${app.output().slice(-3000)}`);
    const importPeak = rss.peak();
    const articleId = accepted.body.id as string;

    const t0 = nowMs();
    const { page, html } = await phase("workspacePage", async () => {
      const res = await fetch(`${app.url}/articles/${articleId}`, { headers: { cookie: `${cookie.name}=${cookie.value}; NEXT_LOCALE=ar` }, redirect: "manual" });
      return { page: res, html: await res.text() };
    });
    const pageMs = nowMs() - t0;
    if (page.status !== 200 || !html.includes('id="sentence-0"')) throw new Error(`the workspace page answered ${page.status} without its first sentence`);
    const t1 = nowMs();
    const viewText = await phase("apiView", async () => (await fetch(`${app.url}/api/v1/articles/${articleId}`, { headers: auth })).text());
    const viewMs = nowMs() - t1;
    const viewJson = JSON.parse(viewText);
    await new Promise((r) => setTimeout(r, 500));
    const samples = await probes.stop();
    const peakRssMb = rss.peak();
    rss.stop();

    const during = samples.filter((p) => p.at >= phases[1].from);
    const latencies = during.map((p) => p.ms);
    // The app's main-thread event-loop delay (bench/lib/event-loop-probe.cjs), by wall clock.
    const origin = Date.now() - nowMs();
    written = eldFiles();
    const delays = written.flatMap((f) => readFileSync(f, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { t: number; maxMs: number }));
    const byPhase = Object.fromEntries(phases.map((ph) => {
      const ms = samples.filter((p) => p.at >= ph.from && p.at < ph.to).map((p) => p.ms);
      const loop = delays.filter((d) => d.t - origin >= ph.from && d.t - origin < ph.to + 250).map((d) => d.maxMs);
      return [ph.name, { seconds: round((ph.to - ph.from) / 1000), probes: ms.length, p50Ms: round(median(ms)), p95Ms: round(percentile(ms, 95)), eventLoopMaxDelayMs: loop.length ? round(Math.max(...loop)) : null }];
    }));
    const result = {
      refused: { mib: round(hostile.bytes / 2 ** 20), sentences: hostile.sentences, status: refused.status, reason: refused.body?.error?.reason, found: refused.body?.error?.found, ms: round(refused.ms), rssGrowthMb: round(refusedPeak - idleRssMb) },
      accepted: {
        mib: round(worst.bytes / 2 ** 20), sentences: worst.analysedSentences, figures: worst.figures,
        suggestions: viewJson.counts?.suggestions, status: accepted.status, ms: round(accepted.ms), responseKb: round(accepted.bytes / 1024),
      },
      idleRssMb: round(idleRssMb),
      threads: { idle: idleThreads, most: rss.threads() },
      importRssGrowthMb: round(importPeak - idleRssMb),
      peakRssGrowthMb: round(peakRssMb - idleRssMb),
      workspaceFirstResponseKb: round(Buffer.byteLength(html) / 1024),
      workspaceMs: round(pageMs),
      apiFirstPage: { kb: round(Buffer.byteLength(viewText) / 1024), ms: round(viewMs), sentences: viewJson.sentences?.length, quantities: viewJson.quantities?.length, suggestions: viewJson.suggestions?.length },
      // Probes sent from the refused import's start to the end; `phases.idle` is the machine's own noise.
      probe: {
        count: during.length,
        failed: during.filter((p) => p.status !== 200).length,
        p50Ms: round(median(latencies)),
        p95Ms: round(percentile(latencies, 95)),
        maxMs: round(Math.max(...latencies)),
        phases: byPhase,
      },
    };
    log(`hostile article: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await app.stop();
    for (const f of written) rmSync(f, { force: true });
  }
}

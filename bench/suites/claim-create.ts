// Claim creation over HTTP, POST /api/v1/articles/{id}/claims with API tokens, from autocannon
// in another process: 32 connections, one request in flight each. Also the scale-out run:
// one app process against two behind a round-robin proxy, on one database, checking that
// every 2xx answer left exactly one claim row.
import { spawn } from "node:child_process";
import { db } from "@/lib/db";
import { analyze } from "@/lib/text";
import { Corpus } from "../lib/corpus";
import { findFreePort } from "@/lib/database/embedded-postgres";
import { cpuSeconds, startApp, type App } from "../lib/harness";
import { runLoad, type LoadPlan, type LoadResult } from "../lib/load";
import { createProject, createUsers, importArticle } from "../lib/seed";
import { log, median, round } from "../lib/stats";

export const CONCURRENCY = 32;

type Fixture = { projectId: string; requests: LoadPlan["requests"] };

/** A project with 32 reviewers (one token each) and 20 articles; 512 claim spans to post. */
export async function claimFixture(label: string): Promise<Fixture> {
  const project = await createProject(`bench claims ${label}`);
  const reviewers = await createUsers(project.id, CONCURRENCY, "reviewer", `claims-${label}`);
  const corpus = new Corpus(7);
  const articles: { id: string; body: string }[] = [];
  for (let i = 0; i < 20; i++) {
    const a = corpus.article();
    articles.push({ id: await importArticle(project.id, reviewers[0].id, a), body: a.body });
  }
  // Spans a reviewer would flag: a whole sentence, or a figure with the words around it.
  const requests: LoadPlan["requests"] = [];
  let r = 0;
  for (let i = 0; requests.length < 512; i++) {
    const a = articles[i % articles.length];
    const analysis = analyze(a.body, { language: "ar" });
    const q = analysis.quantities[(i * 7) % Math.max(1, analysis.quantities.length)];
    const s = analysis.sentences[(i * 3) % analysis.sentences.length];
    const span = i % 2 === 0 && q ? { start: Math.max(0, q.start - 10), end: Math.min(a.body.length, q.end + 12) } : { start: s.start, end: s.end };
    if (a.body.slice(span.start, span.end).trim() === "") continue;
    requests.push({ path: `/api/v1/articles/${a.id}/claims`, token: reviewers[r++ % reviewers.length].token, body: { ...span, kind: q && i % 2 === 0 ? "figure" : "statement" } });
  }
  return { projectId: project.id, requests };
}

const countClaims = (projectId: string) => db.claim.count({ where: { projectId } });

/** Rounds of `amount` requests; each round checks rows created against 2xx answers. */
async function rounds(url: string, fx: Fixture, amount: number, n: number, label: string) {
  const results: (LoadResult & { rows: number })[] = [];
  // Warm-up: JIT, connection pools, the token's lastUsedAt writes.
  await runLoad({ url, connections: CONCURRENCY, amount: Math.min(600, amount), method: "POST", requests: fx.requests });
  for (let i = 0; i < n; i++) {
    const before = await countClaims(fx.projectId);
    const res = await runLoad({ url, connections: CONCURRENCY, amount, method: "POST", requests: fx.requests });
    const rows = (await countClaims(fx.projectId)) - before;
    results.push({ ...res, rows });
    log(`${label} round ${i + 1}: ${res.reqPerS.toFixed(0)} req/s, p50 ${res.p50Ms.toFixed(1)} ms, p95 ${res.p95Ms.toFixed(1)} ms, ${res.ok}/${res.responses} 2xx, ${rows} rows, statuses ${JSON.stringify(res.statuses)}, errors ${res.errors}`);
  }
  return results;
}

function summarize(results: (LoadResult & { rows: number })[]) {
  const ok = results.reduce((n, r) => n + r.ok, 0);
  const rows = results.reduce((n, r) => n + r.rows, 0);
  const sent = results.reduce((n, r) => n + r.responses + r.errors + r.timeouts, 0);
  return {
    reqPerS: round(median(results.map((r) => r.reqPerS))),
    p50Ms: round(median(results.map((r) => r.p50Ms))),
    p95Ms: round(median(results.map((r) => r.p95Ms))),
    p99Ms: round(median(results.map((r) => r.p99Ms))),
    requests: sent,
    ok2xx: ok,
    rowsCreated: rows,
    non2xx: sent - ok,
    lostUpdates: Math.max(0, ok - rows),
    rounds: results.length,
  };
}

export async function runClaimCreate({ databaseUrl, poolSize, amount = 3000, n = 3 }: { databaseUrl: string; poolSize: number; amount?: number; n?: number }) {
  const fx = await claimFixture("single");
  const app = await startApp({ databaseUrl, poolSize });
  try {
    const cpu0 = cpuSeconds(app.pid);
    const results = await rounds(app.url, fx, amount, n, "claimCreate");
    const served = results.reduce((k, r) => k + r.responses, 0) + Math.min(600, amount);
    const serverCpuMsPerRequest = ((cpuSeconds(app.pid) - cpu0) * 1000) / served;
    // One client alone: what a single claim costs when nothing queues in front of it.
    const alone: LoadResult[] = [];
    for (let i = 0; i < n; i++) {
      const r = await runLoad({ url: app.url, connections: 1, amount: 400, method: "POST", requests: fx.requests });
      alone.push(r);
      log(`claimCreate, one client, round ${i + 1}: ${r.reqPerS.toFixed(0)} req/s, p50 ${r.p50Ms.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms`);
    }
    return {
      concurrency: CONCURRENCY,
      poolSize,
      ...summarize(results),
      serverCpuMsPerRequest: round(serverCpuMsPerRequest),
      oneClient: { reqPerS: round(median(alone.map((r) => r.reqPerS))), p50Ms: round(median(alone.map((r) => r.p50Ms))), p95Ms: round(median(alone.map((r) => r.p95Ms))) },
    };
  } finally {
    await app.stop();
  }
}

async function startProxy(upstreams: App[]) {
  const port = await findFreePort(45500 + Math.floor(Math.random() * 1000));
  const child = spawn(process.execPath, ["bench/proxy.mjs", String(port), ...upstreams.map((a) => a.url)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`proxy exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** One app process, then two behind the proxy (each with the same pool), same database. */
export async function runScaleOut({ databaseUrl, poolSize, amount = 3000, n = 3 }: { databaseUrl: string; poolSize: number; amount?: number; n?: number }) {
  const fx = await claimFixture("scale");
  const one = await startApp({ databaseUrl, poolSize });
  let single;
  try {
    single = summarize(await rounds(one.url, fx, amount, n, "scaleOut one process"));
  } finally {
    await one.stop();
  }
  const apps = [await startApp({ databaseUrl, poolSize }), await startApp({ databaseUrl, poolSize })];
  const proxy = await startProxy(apps);
  let double;
  try {
    double = summarize(await rounds(proxy.url, fx, amount, n, "scaleOut two processes"));
  } finally {
    await proxy.stop();
    for (const a of apps) await a.stop();
  }
  // Through the proxy, each answer is one row too: no process lost another's write.
  return {
    concurrency: CONCURRENCY,
    poolSizePerProcess: poolSize,
    oneProcess: { reqPerS: single.reqPerS, p95Ms: single.p95Ms, ok2xx: single.ok2xx, rowsCreated: single.rowsCreated },
    twoProcesses: { reqPerS: double.reqPerS, p95Ms: double.p95Ms, ok2xx: double.ok2xx, rowsCreated: double.rowsCreated },
    speedup: round(double.reqPerS / single.reqPerS),
    lostUpdates: single.lostUpdates + double.lostUpdates,
    non2xx: single.non2xx + double.non2xx,
  };
}

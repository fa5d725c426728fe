// The workspace page /articles/{id} for a 2,000-sentence article: the server's answer (full HTML,
// signed in), and in headless Chromium the time from navigation until the page answers input:
// pressing "j" moves the focus to the next sentence. Then how long a click on the flag button
// takes to open the flag form.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { db } from "@/lib/db";
import { analyze } from "@/lib/text";
import { Corpus } from "../lib/corpus";
import { startApp } from "../lib/harness";
import { createProject, createUsers, id, importArticle, sessionCookie } from "../lib/seed";
import { log, median, nowMs, round } from "../lib/stats";


const escapeHtml = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The baseline page: the same sentences as plain HTML, one focusable span each, in paragraphs
 * as the body has them, with the one behaviour measured (`j` moves the focus to the next
 * sentence) in a few lines of inline script. No framework, no data, no styles.
 */
function staticPage(title: string, body: string, sentences: { index: number; start: number; end: number }[]) {
  const parts: string[] = [];
  let at = 0;
  for (const s of sentences) {
    parts.push(escapeHtml(body.slice(at, s.start)).replace(/\n\n/g, "</p><p>"));
    parts.push(`<span id="sentence-${s.index}" tabindex="-1">${escapeHtml(body.slice(s.start, s.end))}</span>`);
    at = s.end;
  }
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><h1>${escapeHtml(title)}</h1><article><p>${parts.join("")}</p></article>
<script>let i=0;addEventListener("keydown",(e)=>{if(e.key!=="j")return;const n=document.getElementById("sentence-"+(i+1));if(n){i++;n.focus();}});</script></body></html>`;
}

/** From navigation until pressing `j` moves the focus from sentence 0 to sentence 1. */
async function timeToAnswer(browser: Browser, url: string, cookies: { name: string; value: string; url: string }[], after?: (page: import("playwright-core").Page) => Promise<number>) {
  // A fresh context each round: no cached scripts, as for a reviewer's first visit.
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: "ar" });
  try {
    if (cookies.length) await context.addCookies(cookies);
    const page = await context.newPage();
    const t0 = nowMs();
    await page.goto(url, { waitUntil: "commit" });
    for (;;) {
      await page.keyboard.press("j");
      const moved = await page.evaluate(() => document.activeElement?.id === "sentence-1");
      if (moved) break;
      if (nowMs() - t0 > 60_000) throw new Error(`${url} never answered the j key`);
      await page.waitForTimeout(10);
    }
    const ready = nowMs() - t0;
    return { ready, then: after ? await after(page) : 0 };
  } finally {
    await context.close();
  }
}

/** An article of exactly `count` sentences (as Sanad segments them), made of news paragraphs. */
export function longArticle(corpus: Corpus, count: number) {
  const base = corpus.article(10);
  const paragraphs = [base.body];
  let body = base.body;
  let sentences = analyze(body, { language: "ar" }).sentences;
  while (sentences.length < count) {
    for (let i = 0; i < 50; i++) paragraphs.push(corpus.paragraph());
    body = paragraphs.join("\n\n");
    sentences = analyze(body, { language: "ar" }).sentences;
  }
  body = body.slice(0, sentences[count - 1].end);
  return { ...base, title: `${base.title} — ${count} جملة`, body };
}

export async function runArticlePage({ databaseUrl, poolSize, serverRounds = 9, browserRounds = 5, sentences: SENTENCES = 2000 }: { databaseUrl: string; poolSize: number; serverRounds?: number; browserRounds?: number; sentences?: number }) {
  const project = await createProject("bench article page");
  const [editor] = await createUsers(project.id, 1, "editor", "page");
  const corpus = new Corpus(11);
  const input = longArticle(corpus, SENTENCES);
  const articleId = await importArticle(project.id, editor.id, input);
  const stored = await db.sentence.count({ where: { articleId } });
  // A worked article: a claim on every 20th sentence.
  const sentences = await db.sentence.findMany({ where: { articleId }, orderBy: { index: "asc" } });
  const claims = sentences.filter((s) => s.index % 20 === 0).map((s) => ({
    id: id("c"), projectId: project.id, articleId, start: s.start, end: s.end, text: input.body.slice(s.start, s.end),
    prefix: input.body.slice(Math.max(0, s.start - 32), s.start), suffix: input.body.slice(s.end, s.end + 32),
    sentenceIndexes: [s.index], kind: "statement", createdById: editor.id,
  }));
  await db.claim.createMany({ data: claims });
  const counts = { sentences: stored, quantities: await db.quantity.count({ where: { articleId } }), suggestions: await db.suggestion.count({ where: { articleId } }), claims: claims.length, bodyKb: round(Buffer.byteLength(input.body) / 1024) };
  log(`article page: ${JSON.stringify(counts)}`);

  const cookie = await sessionCookie(editor);
  const app = await startApp({ databaseUrl, poolSize });
  try {
    const url = `${app.url}/articles/${articleId}`;
    const headers = { cookie: `${cookie.name}=${cookie.value}; NEXT_LOCALE=ar` };
    const server: { ms: number; ttfbMs: number; bytes: number }[] = [];
    for (let i = 0; i < serverRounds + 2; i++) {
      const t0 = nowMs();
      const res = await fetch(url, { headers, redirect: "manual" });
      const ttfb = nowMs() - t0;
      const html = await res.text();
      const ms = nowMs() - t0;
      // The page holds the article's first page of text; the workspace loads the rest as the reader scrolls.
      if (res.status !== 200 || !html.includes('id="sentence-0"')) throw new Error(`article page answered ${res.status} without the first sentence`);
      if (i >= 2) server.push({ ms, ttfbMs: ttfb, bytes: Buffer.byteLength(html) });
    }
    log(`article page server: ${server.map((s) => s.ms.toFixed(0)).join(", ")} ms`);

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    });
    const interactive: number[] = [];
    const flag: number[] = [];
    const baseline: number[] = [];
    // The static page of the same sentences, served from this process.
    const html = staticPage(input.title, input.body, sentences);
    const staticServer = createServer((_, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html));
    await new Promise<void>((r) => staticServer.listen(0, "127.0.0.1", r));
    const staticUrl = `http://127.0.0.1:${(staticServer.address() as AddressInfo).port}/`;
    try {
      const cookies = [
        { name: cookie.name, value: cookie.value, url: app.url },
        { name: "NEXT_LOCALE", value: "ar", url: app.url },
      ];
      for (let i = 0; i < browserRounds + 1; i++) {
        const r = await timeToAnswer(browser, url, cookies, async (page) => {
          const t1 = nowMs();
          await page.click("button[aria-keyshortcuts='f']");
          await page.waitForSelector("form.panel-form", { state: "visible" });
          return nowMs() - t1;
        });
        const b = await timeToAnswer(browser, staticUrl, []);
        // The first round warms the server's page code and the browser's own caches.
        if (i > 0) {
          interactive.push(r.ready);
          flag.push(r.then);
          baseline.push(b.ready);
        }
        log(`article page browser round ${i}: answers input after ${r.ready.toFixed(0)} ms (static page of the same sentences: ${b.ready.toFixed(0)} ms), flag form after ${r.then.toFixed(0)} ms`);
      }
    } finally {
      await browser.close();
      staticServer.close();
    }
    return {
      sentences: stored,
      serverMs: round(median(server.map((s) => s.ms))),
      serverTtfbMs: round(median(server.map((s) => s.ttfbMs))),
      htmlKb: round(median(server.map((s) => s.bytes)) / 1024),
      browserInteractiveMs: round(median(interactive)),
      staticPage: { browserInteractiveMs: round(median(baseline)), htmlKb: round(Buffer.byteLength(html) / 1024) },
      ratioToStatic: round(median(interactive) / median(baseline)),
      flagClickMs: round(median(flag)),
      article: counts,
      rounds: { server: server.length, browser: interactive.length },
    };
  } finally {
    await app.stop();
  }
}

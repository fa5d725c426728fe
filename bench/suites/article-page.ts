// The workspace page /articles/{id} for a 2,000-sentence article: the server's answer (full HTML,
// signed in), and in headless Chromium the time from navigation until the page answers input:
// pressing "j" moves the focus to the next sentence. Then how long a click on the flag button
// takes to open the flag form.
import { chromium } from "playwright-core";
import { db } from "@/lib/db";
import { analyze } from "@/lib/text";
import { Corpus } from "../lib/corpus";
import { startApp } from "../lib/harness";
import { createProject, createUsers, id, importArticle, sessionCookie } from "../lib/seed";
import { log, median, nowMs, round } from "../lib/stats";

export const SENTENCES = 2000;

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

export async function runArticlePage({ databaseUrl, poolSize, serverRounds = 9, browserRounds = 5 }: { databaseUrl: string; poolSize: number; serverRounds?: number; browserRounds?: number }) {
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
    try {
      for (let i = 0; i < browserRounds + 1; i++) {
        // A fresh context each round: no cached scripts, as for a reviewer's first visit.
        const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: "ar" });
        await context.addCookies([
          { name: cookie.name, value: cookie.value, url: app.url },
          { name: "NEXT_LOCALE", value: "ar", url: app.url },
        ]);
        const page = await context.newPage();
        const t0 = nowMs();
        await page.goto(url, { waitUntil: "commit" });
        for (;;) {
          await page.keyboard.press("j");
          const moved = await page.evaluate(() => document.activeElement?.id === "sentence-1");
          if (moved) break;
          if (nowMs() - t0 > 60_000) throw new Error("the article page never answered the j key");
          await page.waitForTimeout(10);
        }
        const ready = nowMs() - t0;
        const t1 = nowMs();
        await page.click("button[aria-keyshortcuts='f']");
        await page.waitForSelector("form.panel-form", { state: "visible" });
        const flagMs = nowMs() - t1;
        await context.close();
        // The first round warms the server's page code and the browser's own caches.
        if (i > 0) {
          interactive.push(ready);
          flag.push(flagMs);
        }
        log(`article page browser round ${i}: answers input after ${ready.toFixed(0)} ms, flag form after ${flagMs.toFixed(0)} ms`);
      }
    } finally {
      await browser.close();
    }
    return {
      sentences: stored,
      serverMs: round(median(server.map((s) => s.ms))),
      serverTtfbMs: round(median(server.map((s) => s.ttfbMs))),
      htmlKb: round(median(server.map((s) => s.bytes)) / 1024),
      browserInteractiveMs: round(median(interactive)),
      flagClickMs: round(median(flag)),
      article: counts,
      rounds: { server: server.length, browser: interactive.length },
    };
  } finally {
    await app.stop();
  }
}

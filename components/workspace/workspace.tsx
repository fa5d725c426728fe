"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { api, ApiError } from "@/components/client/api";
import { ArticleText, selectionOffsets } from "@/components/workspace/article-text";
import { ClaimPanel } from "@/components/workspace/claim-panel";
import { CheckedBefore } from "@/components/search/checked-before";
import { FlagForm } from "@/components/workspace/forms";
import { DiscrepancyReason, FigureLedger, type LedgerFigureRow } from "@/components/workspace/figure-ledger";
import { isDiscrepancy } from "@/components/workspace/discrepancy-text";
import { useDraftStorage } from "@/components/client/use-draft";
import { useArticlePages } from "@/components/workspace/use-article-pages";
import { useLiveEvents } from "@/components/collab/use-live-events";
import { PresenceBar } from "@/components/collab/presence-bar";
import { CommentThread } from "@/components/collab/comment-thread";
import type { Span, WorkspaceArticle, WorkspaceClaim, WorkspaceClaimDetail, WorkspaceSuggestion } from "@/components/workspace/types";

type Undo = { label: string; run: () => Promise<void> };

/** Trims whitespace off a selection's edges and keeps it off surrogate halves. */
function tidySpan(body: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && /\s/.test(body[start])) start++;
  while (end > start && /\s/.test(body[end - 1])) end--;
  if (start > 0 && /[\uDC00-\uDFFF]/.test(body[start]) && /[\uD800-\uDBFF]/.test(body[start - 1])) start--;
  if (end < body.length && /[\uDC00-\uDFFF]/.test(body[end]) && /[\uD800-\uDBFF]/.test(body[end - 1])) end++;
  return end > start ? { start, end } : null;
}

export function Workspace({ initial, userId }: { initial: WorkspaceArticle; userId: string }) {
  const t = useTranslations("workspace");
  const article = initial;
  // The text from the article's start as far as it is loaded: offsets into it are article offsets.
  const { text: body, sentences, quantities, quantityList, suggestions, claims, setClaims, next, loadMore, reload } = useArticlePages(initial);
  const [wantSentence, setWantSentence] = useState<number | null>(null);
  const moreRef = useRef<HTMLDivElement>(null);
  const [selectedClaimId, setSelectedClaimId] = useState<string | null>(null);
  const [detail, setDetail] = useState<WorkspaceClaimDetail | null>(null);
  const [focusedSentence, setFocusedSentence] = useState(0);
  const [pending, setPending] = useState<Span | null>(null);
  const [flagOpen, setFlagOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [undo, setUndo] = useState<Undo[]>([]);
  const textRef = useRef<HTMLDivElement>(null);
  const sourceRef = useRef<HTMLInputElement>(null);
  const verdictRef = useRef<HTMLSelectElement>(null);
  const flagDraftKey = `flag:${article.id}`;
  const drafts = useDraftStorage();

  // A flag form left open before a reload comes back with its span.
  useEffect(() => {
    const saved = drafts.get(`${flagDraftKey}:span`);
    if (saved) {
      try {
        setPending(JSON.parse(saved));
        setFlagOpen(true);
      } catch {
        drafts.remove(`${flagDraftKey}:span`);
      }
    }
  }, [drafts, flagDraftKey]);

  const fail = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.status === 409) {
        toast.warning(t("conflict", { message: e.message }));
      } else if (e instanceof ApiError) {
        const fields = e.body.error?.fields ? Object.entries(e.body.error.fields).map(([k, v]) => `${k}: ${v}`).join("; ") : "";
        toast.error(`${e.message}${fields ? ` (${fields})` : ""}`);
      } else {
        toast.error(t("networkError"));
      }
    },
    [t],
  );

  const loadDetail = useCallback(async (id: string) => {
    try {
      setDetail(await api<WorkspaceClaimDetail>("GET", `/api/v1/claims/${id}`));
    } catch (e) {
      fail(e);
    }
  }, [fail]);

  // Others' changes to this article arrive live; forms keep what is being typed.
  useLiveEvents(article.projectId, (e) => { if (e.articleId === article.id && e.actorId && e.actorId !== userId && !e.type.startsWith("comment.")) { void reload().catch(() => {}); if (selectedClaimId && e.claimId === selectedClaimId) void loadDetail(selectedClaimId); } });

  const selectClaim = useCallback((id: string) => {
    setSelectedClaimId(id);
    void loadDetail(id);
  }, [loadDetail]);

  const openFlag = useCallback((span: Span) => {
    const tidy = tidySpan(body, span);
    if (!tidy) return;
    setPending(tidy);
    setFlagOpen(true);
    drafts.set(`${flagDraftKey}:span`, JSON.stringify(tidy));
  }, [body, drafts, flagDraftKey]);

  const closeFlag = useCallback(() => {
    setFlagOpen(false);
    setPending(null);
    drafts.remove(`${flagDraftKey}:span`);
  }, [drafts, flagDraftKey]);

  const flagFromSelection = useCallback(() => {
    const fromMouse = textRef.current ? selectionOffsets(textRef.current) : null;
    const sentence = sentences[focusedSentence];
    const span = fromMouse ?? (sentence ? { start: sentence.start, end: Math.min(sentence.end, body.length) } : null);
    if (span) openFlag(span);
  }, [body.length, sentences, focusedSentence, openFlag]);

  const createClaim = async (values: { kind: string; note: string }) => {
    if (!pending) return;
    try {
      const claim = await api<WorkspaceClaim>("POST", `/api/v1/articles/${article.id}/claims`, { ...pending, kind: values.kind, note: values.note || undefined });
      setClaims((cs) => [...cs, claim].sort((a, b) => a.start - b.start));
      closeFlag();
      selectClaim(claim.id);
      toast.success(t("flag.done"));
      setUndo((u) => [...u, { label: t("undo.flag"), run: async () => { await api("POST", `/api/v1/claims/${claim.id}/retract`, { reason: "undo" }); } }]);
    } catch (e) {
      fail(e);
      throw e;
    }
  };

  const resolveSuggestion = useCallback(async (s: Pick<WorkspaceSuggestion, "id">, action: "accept" | "dismiss") => {
    try {
      const result = await api<{ claims?: WorkspaceClaim[] }>("POST", `/api/v1/suggestions/${s.id}/${action}`);
      toast.success(action === "accept" ? t("suggestions.accepted") : t("suggestions.dismissed"));
      // The new claim's panel opens while the pages read so far are fetched again.
      if (action === "accept" && result.claims?.length) {
        selectClaim(result.claims[0].id);
        const ids = result.claims.map((c) => c.id);
        setUndo((u) => [...u, { label: t("undo.accept"), run: async () => { for (const id of ids) await api("POST", `/api/v1/claims/${id}/retract`, { reason: "undo" }).catch(() => {}); } }]);
      }
      await reload();
    } catch (e) {
      fail(e);
      await reload().catch(() => {});
    }
  }, [fail, reload, selectClaim, t]);

  const retract = useCallback(async () => {
    if (!detail) return;
    const reason = window.prompt(t("claim.retractReason"));
    if (!reason) return;
    try {
      await api("POST", `/api/v1/claims/${detail.id}/retract`, { reason, version: detail.version });
      const id = detail.id;
      setUndo((u) => [...u, { label: t("undo.retract"), run: async () => { await api("POST", `/api/v1/claims/${id}/restore`, {}); } }]);
      setSelectedClaimId(null);
      setDetail(null);
      await reload();
      toast.success(t("claim.retracted"));
    } catch (e) {
      fail(e);
    }
  }, [detail, fail, reload, t]);

  const runUndo = useCallback(async () => {
    const last = undo.at(-1);
    if (!last) {
      toast.info(t("undo.nothing"));
      return;
    }
    setUndo((u) => u.slice(0, -1));
    try {
      await last.run();
      toast.success(t("undo.done", { label: last.label }));
      setSelectedClaimId(null);
      setDetail(null);
      await reload();
    } catch (e) {
      fail(e);
    }
  }, [fail, reload, t, undo]);

  const pendingSuggestions = useMemo(() => suggestions.filter((s) => s.state === "pending"), [suggestions]);
  const suggestionInFocus = useCallback(() => {
    const sentence = sentences[focusedSentence];
    if (!sentence) return pendingSuggestions[0];
    return pendingSuggestions.find((s) => s.start < sentence.end && s.end > sentence.start) ?? pendingSuggestions[0];
  }, [sentences, focusedSentence, pendingSuggestions]);

  const focusSentence = useCallback((index: number) => {
    const clamped = Math.max(0, Math.min(article.counts.sentences - 1, index));
    // Past the loaded text: load on, and focus it when it is there.
    if (clamped >= sentences.length && next !== null) {
      setWantSentence(clamped);
      void loadMore().catch(fail);
      return;
    }
    const loaded = Math.min(clamped, sentences.length - 1);
    setFocusedSentence(loaded);
    document.getElementById(`sentence-${loaded}`)?.focus();
  }, [article.counts.sentences, fail, loadMore, next, sentences.length]);

  useEffect(() => {
    if (wantSentence === null) return;
    if (wantSentence < sentences.length || next === null) {
      setWantSentence(null);
      focusSentence(wantSentence);
    } else {
      void loadMore().catch(fail);
    }
  }, [fail, focusSentence, loadMore, next, sentences.length, wantSentence]);

  // More of the article as the reader nears the end of what is loaded.
  useEffect(() => {
    const sentinel = moreRef.current;
    if (!sentinel || next === null) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void loadMore().catch(fail);
    }, { rootMargin: "1200px 0px" });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [fail, loadMore, next]);

  const moveClaim = useCallback((step: number) => {
    if (claims.length === 0) return;
    const i = claims.findIndex((c) => c.id === selectedClaimId);
    const next = claims[(i + step + claims.length) % claims.length] ?? claims[0];
    selectClaim(next.id);
    const sentence = next.sentenceIndexes[0];
    if (sentence !== undefined) focusSentence(sentence);
  }, [claims, focusSentence, selectClaim, selectedClaimId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (target.closest("input, textarea, select, [contenteditable=true]")) return;
      const keys: Record<string, () => void> = {
        j: () => focusSentence(focusedSentence + 1),
        k: () => focusSentence(focusedSentence - 1),
        n: () => moveClaim(1),
        p: () => moveClaim(-1),
        f: flagFromSelection,
        s: () => sourceRef.current?.focus(),
        v: () => verdictRef.current?.focus(),
        a: () => { const s = suggestionInFocus(); if (s) void resolveSuggestion(s, "accept"); },
        d: () => { const s = suggestionInFocus(); if (s) void resolveSuggestion(s, "dismiss"); },
        u: () => void runUndo(),
        "?": () => setHelpOpen(true),
      };
      const action = keys[e.key];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [flagFromSelection, focusSentence, focusedSentence, moveClaim, resolveSuggestion, runUndo, suggestionInFocus]);

  // A figure chosen in the ledger: its sentence is focused (loading pages up to it), then the
  // figure itself is scrolled to and marked.
  const [jump, setJump] = useState<{ sentence: number; start: number } | null>(null);
  const jumpToFigure = useCallback((f: LedgerFigureRow) => {
    setJump({ sentence: f.sentence, start: f.start });
    focusSentence(f.sentence);
  }, [focusSentence]);
  useEffect(() => {
    if (!jump) return;
    const row = document.getElementById(`sentence-${jump.sentence}`);
    if (!row) return;
    const spans = [...row.querySelectorAll<HTMLElement>("[data-start]")];
    const span = spans.find((e) => Number(e.dataset.start) === jump.start) ?? spans.filter((e) => Number(e.dataset.start) <= jump.start).at(-1) ?? row;
    document.querySelectorAll(".jumped").forEach((e) => e.classList.remove("jumped"));
    span.classList.add("jumped");
    span.scrollIntoView({ block: "center" });
    setJump(null);
  }, [jump, sentences.length]);

  const quantityText = (i: number | null | undefined) => (i === null || i === undefined ? "" : quantities.get(i)?.text ?? "");

  return (
    <div className="workspace">
      <section className="article-pane" aria-labelledby="article-title">
        <header className="stack">
          <PresenceBar articleId={article.id} projectId={article.projectId} userId={userId} />
          <h1 id="article-title" dir={article.direction}><bdi>{article.title}</bdi></h1>
          <p className="muted">
            {article.outlet && <bdi>{article.outlet}</bdi>}
            {article.sourceUrl && <> · <a href={article.sourceUrl} target="_blank" rel="noopener noreferrer nofollow" dir="ltr">{t("source.original")}</a></>}
            {" · "}{t("counts", { sentences: article.counts.sentences, claims: claims.length })}
          </p>
          <div className="row">
            <button type="button" onClick={flagFromSelection} aria-keyshortcuts="f">{t("flag.button")}</button>
            <button type="button" className="secondary" onClick={() => void runUndo()} disabled={undo.length === 0} aria-keyshortcuts="u">{t("undo.button")}</button>
            <button type="button" className="secondary" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">{t("help.button")}</button>
          </div>
        </header>
        <div ref={textRef} className="card">
          <ArticleText
            article={{ body, sentences, quantities: quantityList, direction: article.direction, language: article.language }}
            claims={claims}
            selection={pending}
            selectedClaimId={selectedClaimId}
            focusedSentence={focusedSentence}
            onFocusSentence={setFocusedSentence}
            onSelectClaim={selectClaim}
            sentenceLabel={(n) => t("sentence", { n })}
          />
          {next !== null && (
            <div ref={moreRef} className="muted small" data-testid="more-text">
              <button type="button" className="secondary" onClick={() => void loadMore().catch(fail)}>{t("more", { loaded: sentences.length, total: article.counts.sentences })}</button>
            </div>
          )}
        </div>
      </section>

      <aside className="side-pane" aria-label={t("panel")}>
        {flagOpen && pending && (
          <FlagForm
            draftKey={flagDraftKey}
            quote={body.slice(pending.start, pending.end)}
            defaultKind={quantityList.some((q) => q.start >= pending.start && q.end <= pending.end) ? "figure" : "statement"}
            onSubmit={createClaim}
            onCancel={closeFlag}
          />
        )}

        <section aria-labelledby="suggestions-title">
          <h2 id="suggestions-title">{t("suggestions.title")} ({pendingSuggestions.length})</h2>
          {pendingSuggestions.length === 0 && <p className="muted">{t("suggestions.none")}</p>}
          <ul className="plain suggestions">
            {pendingSuggestions.map((s) => (
              <li key={s.id} className={`suggestion suggestion-${s.type}`} data-testid={`suggestion-${s.type}`}>
                {s.type === "contradiction" ? (
                  <>
                    <strong>{t("suggestions.contradiction")}</strong>
                    <p dir={article.direction}><bdi>{quantityText(s.quantity)}</bdi> ⟷ <bdi>{quantityText(s.otherQuantity)}</bdi></p>
                    <DiscrepancyReason detail={isDiscrepancy(s.detail) ? s.detail : null} reason={s.reason} figure={(i) => quantities.get(i)?.text} />
                  </>
                ) : (
                  <p dir={article.direction}><bdi>{s.text}</bdi></p>
                )}
                <div className="row">
                  <button type="button" onClick={() => void resolveSuggestion(s, "accept")}>{t("suggestions.accept")}</button>
                  <button type="button" className="secondary" onClick={() => void resolveSuggestion(s, "dismiss")}>{t("suggestions.dismiss")}</button>
                </div>
                {s.type === "claim" && s.id === suggestionInFocus()?.id && <CheckedBefore suggestionId={s.id} canLink={false} />}
              </li>
            ))}
          </ul>
        </section>

        <FigureLedger articleId={article.id} direction={article.direction} version={pendingSuggestions.length} onJump={jumpToFigure} onAccept={(id) => resolveSuggestion({ id }, "accept")} />

        <section aria-labelledby="claims-title">
          <h2 id="claims-title">{t("claims.title")} ({claims.length})</h2>
          <ul className="plain claims">
            {claims.map((c) => (
              <li key={c.id}>
                <button type="button" className={`claim-item${c.id === selectedClaimId ? " selected" : ""}`} aria-pressed={c.id === selectedClaimId} onClick={() => selectClaim(c.id)} data-testid="claim-item">
                  <span className={`status status-${c.status}`}>{t(`status.${c.status}`)}</span> <bdi>{c.text}</bdi>
                </button>
              </li>
            ))}
          </ul>
        </section>

        {detail && (
          <ClaimPanel
            detail={detail}
            articleId={article.id}
            userId={userId}
            sourceRef={sourceRef}
            verdictRef={verdictRef}
            onSelectClaim={selectClaim}
            onRetract={() => void retract()}
            onAddSource={async (v) => {
              try {
                await api("POST", `/api/v1/claims/${detail.id}/sources`, { ...v, readAt: v.readAt?.toISOString() });
                toast.success(t("source.done"));
                await loadDetail(detail.id);
              } catch (e) {
                fail(e);
                throw e;
              }
            }}
            onVerdict={async (v) => {
              try {
                await api("PUT", `/api/v1/claims/${detail.id}/verdicts/me`, v);
                toast.success(t("verdict.done"));
                await loadDetail(detail.id);
                await reload();
              } catch (e) {
                fail(e);
                await loadDetail(detail.id);
                throw e;
              }
            }}
          />
        )}
        <CommentThread target={{ kind: "article", id: article.id }} projectId={article.projectId} userId={userId} />
      </aside>

      <Dialog.Root open={helpOpen} onOpenChange={setHelpOpen}>
        <Dialog.Portal>
          <Dialog.Overlay className="overlay" />
          <Dialog.Content className="dialog" aria-describedby={undefined}>
            <Dialog.Title>{t("help.title")}</Dialog.Title>
            <dl className="keys">
              {(["j", "k", "n", "p", "f", "s", "v", "a", "d", "u", "?"] as const).map((k) => (
                <div key={k}><dt><kbd>{k}</kbd></dt><dd>{t(`help.keys.${k === "?" ? "help" : k}`)}</dd></div>
              ))}
            </dl>
            <Dialog.Close asChild><button type="button">{t("close")}</button></Dialog.Close>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </div>
  );
}

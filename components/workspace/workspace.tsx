"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { useFailureToast } from "@/components/client/toasts";
import { ArticleText, selectionOffsets } from "@/components/workspace/article-text";
import { ClaimPanel } from "@/components/workspace/claim-panel";
import { ClaimList } from "@/components/workspace/claim-list";
import { FlagForm } from "@/components/workspace/forms";
import { FigureLedger } from "@/components/workspace/figure-ledger";
import { HelpDialog } from "@/components/workspace/help-dialog";
import { keyOf, type KeyAction } from "@/components/workspace/keys";
import { useWorkspaceKeys } from "@/components/workspace/use-workspace-keys";
import { SuggestionList } from "@/components/workspace/suggestion-list";
import { useArticlePages } from "@/components/workspace/use-article-pages";
import { useSelectedClaim } from "@/components/workspace/use-selected-claim";
import { useUndo } from "@/components/workspace/use-undo";
import { useFlagSpan } from "@/components/workspace/use-flag-span";
import { useSentenceFocus } from "@/components/workspace/use-sentence-focus";
import { reported, useWorkspaceActions } from "@/components/workspace/use-workspace-actions";
import { useLiveEvents } from "@/components/collab/use-live-events";
import { PresenceBar } from "@/components/collab/presence-bar";
import { CommentThread } from "@/components/collab/comment-thread";
import { defaultClaimKind, holdsFigure } from "@/lib/claims/kind";
import type { Span, WorkspaceArticle } from "@/components/workspace/types";
import "@/components/workspace/workspace.css";

export function Workspace({ initial, userId, initialClaimId }: { initial: WorkspaceArticle; userId: string; initialClaimId: string | null }) {
  const t = useTranslations("workspace");
  const article = initial;
  const fail = useFailureToast();
  const { text: body, sentences, quantities, quantityList, suggestions, claims, next, loadMore, reload } = useArticlePages(initial);
  const { selectedId, detail, select, refresh } = useSelectedClaim(initialClaimId, fail);
  const undo = useUndo();
  const { focusedSentence, setFocusedSentence, focusSentence, jumpTo, focusClaim, moreRef } = useSentenceFocus({ total: article.counts.sentences, loaded: sentences.length, next, loadMore, fail });

  const [editSpan, setEditSpan] = useState<Span | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const textRef = useRef<HTMLDivElement>(null);
  const sideRef = useRef<HTMLElement>(null);
  /** The claim at hand opens at the top of the side column; the article stays where it is. */
  const showClaim = useCallback((id: string | null) => {
    select(id);
    if (id) sideRef.current?.scrollTo({ top: 0 });
  }, [select]);
  // When a claim's panel arrives it is at the top of the side column, in view.
  const shownId = detail?.id ?? null;
  useEffect(() => {
    if (shownId) sideRef.current?.scrollTo({ top: 0 });
  }, [shownId]);
  const actions = useWorkspaceActions({ articleId: article.id, reload, select: showClaim, refreshDetail: refresh, pushUndo: undo.push, fail });
  const sourceRef = useRef<HTMLInputElement>(null);
  const verdictRef = useRef<HTMLSelectElement>(null);
  const { pending, flagDraftKey, openFlag: openFlagSpan, closeFlag } = useFlagSpan(article.id, body);
  const openFlag = useCallback((span: Span) => {
    if (openFlagSpan(span)) sideRef.current?.scrollTo({ top: 0 });
  }, [openFlagSpan]);

  // Others' changes to this article arrive live; forms keep what is being typed.
  useLiveEvents(article.projectId, (e) => {
    if (e.articleId !== article.id || !e.actorId || e.actorId === userId || e.type.startsWith("comment.")) return;
    void reload().catch(fail);
    if (selectedId && e.claimId === selectedId) void refresh();
  });


  const flagFromSelection = useCallback(() => {
    const fromMouse = textRef.current ? selectionOffsets(textRef.current) : null;
    const sentence = sentences[focusedSentence];
    const span = fromMouse ?? (sentence ? { start: sentence.start, end: Math.min(sentence.end, body.length) } : null);
    if (span) openFlag(span);
  }, [body.length, sentences, focusedSentence, openFlag]);

  const moveClaim = useCallback((step: number) => {
    if (claims.length === 0) return;
    const i = claims.findIndex((c) => c.id === selectedId);
    const to = claims[(i + step + claims.length) % claims.length] ?? claims[0];
    showClaim(to.id);
    const sentence = to.sentenceIndexes[0];
    if (sentence !== undefined) focusSentence(sentence);
  }, [claims, focusSentence, selectedId, showClaim]);

  // `a`/`d` act on the suggestion of the focused sentence: one that lies within it (a figure's
  // first, then a conflict between two of its own figures), never one that only passes over it.
  const pendingSuggestions = useMemo(() => suggestions.filter((s) => s.state === "pending"), [suggestions]);
  const suggestionInFocus = useMemo(() => {
    const sentence = sentences[focusedSentence];
    if (!sentence) return null;
    const within = pendingSuggestions.filter((s) => s.start >= sentence.start && s.end <= sentence.end);
    return within.find((s) => s.type === "claim") ?? within[0] ?? null;
  }, [sentences, focusedSentence, pendingSuggestions]);

  const runUndo = useCallback(async () => {
    const last = undo.pop();
    if (!last) {
      toast.info(t("undo.nothing"));
      return;
    }
    try {
      await last.run();
      toast.success(t("undo.done", { label: last.label }));
      await reload();
      await refresh();
    } catch (e) {
      fail(e);
    }
  }, [fail, refresh, reload, t, undo]);

  const onSuggestion = useCallback((action: "accept" | "dismiss") => {
    const s = suggestionInFocus;
    if (!s) {
      toast.info(t("suggestions.noneHere", { n: focusedSentence + 1 }));
      return;
    }
    void (action === "accept" ? actions.accept(s.id) : actions.dismiss(s.id)).catch(reported);
  }, [actions, focusedSentence, suggestionInFocus, t]);

  // The sentence the key moves from: the one that has focus in the page when there is one (its
  // focus event may not have reached this render yet), else the one last focused.
  const fromSentence = () => {
    const index = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.sentence : undefined;
    return index === undefined ? focusedSentence : Number(index);
  };
  const keyActions: Record<KeyAction, () => void> = {
    nextSentence: () => focusSentence(fromSentence() + 1),
    previousSentence: () => focusSentence(fromSentence() - 1),
    nextClaim: () => moveClaim(1),
    previousClaim: () => moveClaim(-1),
    flag: flagFromSelection,
    source: () => sourceRef.current?.focus(),
    verdict: () => verdictRef.current?.focus(),
    accept: () => onSuggestion("accept"),
    dismiss: () => onSuggestion("dismiss"),
    undo: () => void runUndo(),
    help: () => setHelpOpen(true),
  };
  useWorkspaceKeys(keyActions, focusedSentence);

  const flagKind = pending ? defaultClaimKind(holdsFigure(quantityList, pending)) : "statement";

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
          <div className="row wrap">
            <button type="button" onClick={flagFromSelection} aria-keyshortcuts={keyOf("flag")}>{t("flag.button")}</button>
            <button type="button" className="secondary" onClick={() => void runUndo()} disabled={!undo.canUndo} aria-keyshortcuts={keyOf("undo")}>{t("undo.button")}</button>
            <button type="button" className="secondary" onClick={() => setHelpOpen(true)} aria-keyshortcuts={keyOf("help")}>{t("help.button")}</button>
          </div>
        </header>
        <div ref={textRef} className="card">
          <ArticleText
            article={{ body, sentences, quantities: quantityList, direction: article.direction, language: article.language }}
            claims={claims}
            selection={pending ?? editSpan}
            selectedClaimId={selectedId}
            focusedSentence={focusedSentence}
            onFocusSentence={setFocusedSentence}
            onSelectClaim={showClaim}
            sentenceLabel={(n) => t("sentence", { n })}
          />
          {next !== null && (
            <div ref={moreRef} className="muted small" data-testid="more-text">
              <button type="button" className="secondary" onClick={() => void loadMore().catch(fail)}>{t("more", { loaded: sentences.length, total: article.counts.sentences })}</button>
            </div>
          )}
        </div>
      </section>

      <aside ref={sideRef} className="side-pane" aria-label={t("panel")}>
        {pending && (
          <div className="at-hand-sheet">
          <FlagForm
            key={`${pending.start}:${pending.end}`}
            draftKey={flagDraftKey}
            quote={body.slice(pending.start, pending.end)}
            defaultKind={flagKind}
            onSubmit={async (v) => {
              const claim = await actions.flag(pending, v);
              closeFlag();
              focusClaim(claim);
            }}
            onCancel={closeFlag}
          />
          </div>
        )}

        {detail && (
          <div className="claim-at-hand at-hand-sheet" data-testid="claim-at-hand">
            <ClaimPanel
              detail={detail}
              articleId={article.id}
              userId={userId}
              sourceRef={sourceRef}
              verdictRef={verdictRef}
              text={body}
              sentences={sentences}
              direction={article.direction}
              onDraftSpan={setEditSpan}
              onEditSpan={(span, widened) => actions.editSpan(detail, span, widened && detail.kind === "figure" ? "statement" : undefined)}
              onSelectClaim={showClaim}
              onClose={() => showClaim(null)}
              onRetract={async (reason) => {
                try {
                  await actions.retract(detail, reason);
                } catch (e) {
                  await refresh();
                  throw e;
                }
              }}
              onAddSource={async (v) => {
                await actions.addSource(detail.id, v);
                focusClaim(detail);
              }}
              onVerdict={async (v) => {
                await actions.giveVerdict(detail.id, v);
                focusClaim(detail);
              }}
            />
          </div>
        )}

        <SuggestionList
          text={body}
          sentences={sentences}
          quantities={quantities}
          suggestions={suggestions}
          direction={article.direction}
          focusedSuggestionId={suggestionInFocus?.id ?? null}
          onJump={jumpTo}
          onAccept={(id) => void actions.accept(id).then((made) => made[0] && focusClaim(made[0]), reported)}
          onDismiss={(id) => void actions.dismiss(id).catch(reported)}
          onRestore={(id) => void actions.undismiss(id).catch(reported)}
        />

        <FigureLedger articleId={article.id} direction={article.direction} version={pendingSuggestions.length} onJump={jumpTo} onAccept={(id) => actions.accept(id).then(() => undefined, reported)} />

        <ClaimList claims={claims} selectedId={selectedId} onSelect={showClaim} />

        <CommentThread target={{ kind: "article", id: article.id }} projectId={article.projectId} userId={userId} />
      </aside>

      <HelpDialog open={helpOpen} onOpenChange={setHelpOpen} />
    </div>
  );
}

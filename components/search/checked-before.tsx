"use client";

import { useCallback, useEffect, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "sonner";
import { api, ApiError } from "@/components/client/api";
import { useErrorText } from "@/components/client/error-text";
import { useFigureText } from "@/components/search/figure-text";
import type { Match } from "@/lib/search/find-matches";
import "@/components/search/search.css";

type State = { status: "loading" } | { status: "failed" } | { status: "ready"; items: Match[]; complete: boolean };

/**
 * "Checked before": earlier claims of the caller's projects and other desks' fact-checks that
 * state the same figure or nearly the same words, fetched when the claim (or suggestion) changes.
 * A claim of the same project can be linked as same_as in one click.
 */
export function CheckedBefore({ claimId, suggestionId, canLink = true }: { claimId?: string; suggestionId?: string; canLink?: boolean }) {
  const t = useTranslations("search.matches");
  const errorText = useErrorText();
  const tw = useTranslations("workspace");
  const format = useFormatter();
  const figureText = useFigureText();
  // In the reader's language when the server sent the figure's parts; a unit it does not know stays as sent.
  const figureOf = (r: { figure: string; value?: number; unit?: string | null; percent?: boolean }) => {
    if (r.value === undefined) return r.figure;
    const f = figureText({ value: r.value, unit: r.unit, percent: r.percent });
    return f.unit ? `${f.number} ${f.unit}` : f.number;
  };
  const [state, setState] = useState<State>({ status: "loading" });
  const subject = claimId ?? suggestionId ?? null;

  useEffect(() => {
    if (!claimId && !suggestionId) return;
    let live = true;
    setState({ status: "loading" });
    const request = claimId
      ? api<{ items: Match[]; complete: boolean }>("GET", `/api/v1/claims/${claimId}/matches`)
      : api<{ items: Match[]; complete: boolean }>("GET", `/api/v1/suggestions/${suggestionId}/matches`);
    request
      .then((r) => live && setState({ status: "ready", items: r.items, complete: r.complete }))
      .catch(() => live && setState({ status: "failed" }));
    return () => {
      live = false;
    };
  }, [claimId, suggestionId]);

  const link = useCallback(
    async (m: Match) => {
      if (!claimId) return;
      try {
        await api("POST", `/api/v1/claims/${claimId}/links`, { otherClaimId: m.id, relation: "same_as" });
        toast.success(t("linkedToast"));
        setState((s) => (s.status === "ready" ? { ...s, items: s.items.map((x) => (x.id === m.id ? { ...x, linked: true } : x)) } : s));
      } catch (e) {
        toast.error(e instanceof ApiError ? errorText(e) : String(e));
      }
    },
    [claimId, t, errorText],
  );

  if (!subject) return null;
  return (
    <section className="checked-before" aria-labelledby={`checked-before-${subject}`} data-testid="checked-before">
      <h4 id={`checked-before-${subject}`}>{t("title")}</h4>
      {state.status === "loading" && <p className="muted small" aria-live="polite">{t("loading")}</p>}
      {state.status === "failed" && <p className="muted small" role="status">{t("failed")}</p>}
      {state.status === "ready" && state.items.length === 0 && <p className="muted small">{t("none")}</p>}
      {state.status === "ready" && !state.complete && <p className="muted small" role="status">{t("incomplete")}</p>}
      {state.status === "ready" && state.items.length > 0 && (
        <ul className="plain matches">
          {state.items.map((m) => (
            <li key={`${m.type}:${m.id}`} className="match" data-testid="match">
              <p className="row small">
                <span className={m.external ? "badge external" : "badge"}>{m.external ? t("external") : t("claim")}</span>
                {m.status && <span className={`status status-${m.status}`}>{tw(`status.${m.status}`)}</span>}
                <span className="muted">{m.finalRating ? tw(`ratings.${m.finalRating}`) : m.label ? <bdi>{m.label}</bdi> : t("notRated")}</span>
              </p>
              <p className="match-text"><bdi>{m.text}</bdi></p>
              <p className="small reasons">
                {m.reasons.map((r, i) => (
                  <span key={i} className="reason" data-testid="match-reason">
                    {r.kind === "figure"
                      ? t.rich("sameFigure", { figure: figureOf(r), n: (chunks) => <bdi>{chunks}</bdi> })
                      : t("similar", { similarity: format.number(r.similarity, { maximumFractionDigits: 2 }) })}
                  </span>
                ))}
              </p>
              <p className="small muted">
                {m.article && (
                  <>{t.rich("article", { title: m.article.title, link: (chunks) => <a href={`/claims/${m.id}`}><bdi>{chunks}</bdi></a> })}{m.article.outlet && <> · <bdi>{m.article.outlet}</bdi></>} · </>
                )}
                {m.factCheck && (
                  <>
                    {m.factCheck.author && <>{t.rich("by", { author: m.factCheck.author, name: (chunks) => <bdi>{chunks}</bdi> })} · </>}
                    <a href={m.factCheck.url} target="_blank" rel="noopener noreferrer nofollow" dir="ltr">{t("view")}</a> ·{" "}
                  </>
                )}
                {!m.external && t("sources", { count: m.sources.length })}
                {!m.external && !m.sameProject && <> · {t("otherProject")}</>}
              </p>
              {canLink && claimId && m.type === "claim" && m.sameProject && (
                m.linked ? (
                  <p className="small"><span className="badge">{t("linked")}</span></p>
                ) : (
                  <button type="button" className="secondary small" onClick={() => void link(m)} data-testid="link-same">{t("link")}</button>
                )
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

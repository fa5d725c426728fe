"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { Bidi } from "@/components/ui/bidi";
import { api } from "@/components/client/api";
import { useErrorText } from "@/components/client/error-text";
import { boundedValue, measureName, phraseDiscrepancy, sourceName, type DiscrepancyData, type Piece, type Translate } from "@/components/workspace/discrepancy-text";
import type { FigureLedger as Ledger } from "@/lib/articles/get-figure-ledger";

type Jsonified<T> = T extends Date ? string : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;
type LedgerData = Jsonified<Ledger>;
export type LedgerFigureRow = LedgerData["groups"][number]["figures"][number];

/** Phrase pieces on screen: the article's words and numbers each in their own isolate. */
export function Pieces({ pieces }: { pieces: Piece[] }) {
  return <>{pieces.map((p, i) => (p.isolate ? <Bidi key={i}>{p.text}</Bidi> : <span key={i}>{p.text}</span>))}</>;
}

/** A contradiction suggestion's reason in the reader's language (the stored English line when it has no detail). */
export function DiscrepancyReason({ detail, reason, figure }: { detail: DiscrepancyData | null; reason: string | null; figure: (i: number) => string | undefined }) {
  const t = useTranslations("workspace") as unknown as Translate;
  if (detail) return <p className="muted small" data-testid="discrepancy-reason"><Pieces pieces={phraseDiscrepancy(t, detail, figure)} /></p>;
  return reason ? <p className="muted small"><bdi>{reason}</bdi></p> : null;
}

/**
 * The article's figures grouped by frame (measure, then time and scope), each with its bound,
 * source and sentence, conflicts and updates marked. A figure jumps to its place in the article;
 * a pending conflict can be accepted (two linked claims, as from the suggestions list).
 */
export function FigureLedger({ articleId, direction, version, onJump, onAccept }: {
  articleId: string;
  direction: "rtl" | "ltr";
  /** Changes when the article's suggestions change: the ledger loads again if open. */
  version: number;
  onJump: (figure: LedgerFigureRow) => void;
  onAccept: (suggestionId: string) => Promise<void>;
}) {
  const t = useTranslations("workspace");
  const tr = t as unknown as Translate;
  const [open, setOpen] = useState(false);
  const [ledger, setLedger] = useState<LedgerData | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const errorText = useErrorText();

  const load = useCallback(async () => {
    try {
      setLedger(await api<LedgerData>("GET", `/api/v1/articles/${articleId}/ledger`));
      setFailed(null);
    } catch (e) {
      setFailed(errorText(e));
    }
  }, [articleId, errorText]);

  useEffect(() => {
    if (open) void load();
  }, [open, load, version]);

  const texts = new Map<number, string>();
  for (const g of ledger?.groups ?? []) for (const f of g.figures) texts.set(f.index, f.text);
  const bounds = new Map<number, string>();
  for (const g of ledger?.groups ?? []) for (const f of g.figures) bounds.set(f.index, f.bound);
  const figureText = (i: number) => texts.get(i);
  const list = (indexes: number[]) => indexes.map((i) => figureText(i) ?? "…").join(" / ");

  const timeLabel = (time: string) =>
    time === "current" || time === "previous-period" ? t(`ledger.time.${time}`) : t("ledger.time.years", { years: time.replaceAll(",", "، ") });
  const scopeLabel = (scope: string) => {
    const [whole, ...place] = scope.split(":");
    return <>{t(`ledger.scope.${whole === "part" ? "part" : "whole"}`)}{place.length > 0 && <> · <Bidi>{place.join(":")}</Bidi></>}</>;
  };

  return (
    <section aria-labelledby="ledger-title" className="figure-ledger" data-testid="figure-ledger">
      <h2 id="ledger-title">
        <button type="button" className="secondary" aria-expanded={open} aria-controls="ledger-body" onClick={() => setOpen((o) => !o)}>
          {t("ledger.title")}
        </button>
      </h2>
      {open && (
        <div id="ledger-body" dir={direction}>
          {failed && <p role="alert">{failed}</p>}
          {!ledger && !failed && <p className="muted">{t("ledger.loading")}</p>}
          {ledger?.figures.cut && <p className="muted small" data-testid="ledger-cut">{t("ledger.cut", { listed: ledger.figures.listed, total: ledger.figures.total })}</p>}
          {ledger && ledger.groups.length === 0 && <p className="muted">{t("ledger.none")}</p>}
          <ul className="plain">
            {ledger?.groups.map((g) => {
              const inGroup = new Set(g.figures.map((f) => f.index));
              const conflicts = ledger.contradictions.filter((c) => inGroup.has(c.a));
              return (
                <li key={`${g.measure}|${g.family}|${g.qualifiers.join("+")}|${g.time}|${g.scope}`} className="ledger-group" data-testid="ledger-group" data-measure={g.measure}>
                  <h3 className="small">
                    <Pieces pieces={measureName(tr, g.measure)} />
                    {g.qualifiers.length > 0 && <> (<Bidi>{g.qualifiers.join("، ")}</Bidi>)</>}
                    {" · "}{timeLabel(g.time)}{" · "}{scopeLabel(g.scope)}
                  </h3>
                  <ul className="plain">
                    {g.figures.map((f) => (
                      <li key={f.index} data-testid="ledger-figure" data-index={f.index} className={f.conflicts.length ? "ledger-conflict" : undefined}>
                        <button type="button" className="link" onClick={() => onJump(f)} aria-label={t("ledger.jump", { value: f.text, n: f.sentence + 1 })}>
                          <strong><Pieces pieces={boundedValue(tr, f.text, f.bound)} /></strong>
                        </button>
                        {" — "}<Pieces pieces={sourceName(tr, f.source)} />
                        {" · "}{t("ledger.sentence", { n: f.sentence + 1 })}
                        {f.conflicts.length > 0 && <> · <span className="status status-disputed">{t("ledger.conflict")}</span> <Bidi>{list(f.conflicts)}</Bidi></>}
                        {f.updates.map((from) => (
                          <span key={from} data-testid="ledger-update"> · <span className="status">{t("ledger.update")}</span>{" "}
                            <Pieces pieces={phraseDiscrepancy(tr, { a: from, b: f.index, type: "update", measure: g.measure, sources: [null, f.source], bounds: [bounds.get(from) ?? "exact", f.bound], from, to: f.index }, figureText)} />
                          </span>
                        ))}
                        {f.updatedBy.length > 0 && <> · {t("ledger.updatedBy", { values: list(f.updatedBy) })}</>}
                      </li>
                    ))}
                  </ul>
                  {conflicts.map((c) => (
                    <div key={c.suggestionId} className="ledger-conflict-row" data-testid="ledger-conflict">
                      <p className="small"><Pieces pieces={phraseDiscrepancy(tr, c.detail, figureText)} /></p>
                      {c.state === "pending" ? (
                        <button type="button" onClick={() => void onAccept(c.suggestionId).then(load)}>{t("ledger.accept")}</button>
                      ) : (
                        <span className="muted small">{t(c.state === "accepted" ? "ledger.accepted" : "ledger.dismissed")}</span>
                      )}
                    </div>
                  ))}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}

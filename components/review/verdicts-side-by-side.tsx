import { useFormatter, useTranslations } from "next-intl";
import type { WorkspaceClaimDetail } from "@/components/workspace/types";
import type { ClaimDetail } from "@/lib/claims/get-claim-detail";
import "@/components/review/review.css";

// As the API answers them (the workspace) or as the claim page loads them (dates still dates).
type Source = WorkspaceClaimDetail["sources"][number] | ClaimDetail["sources"][number];
type Verdict = WorkspaceClaimDetail["verdicts"][number] | ClaimDetail["verdicts"][number];

/** One source as text and a link; the URL is http(s) by validation, and never followed by us. */
export function SourceItem({ source }: { source: Source }) {
  const tw = useTranslations("workspace");
  const t = useTranslations("review.claim");
  const format = useFormatter();
  return (
    <li data-testid="source">
      {source.stance ? <span className={`badge stance-${source.stance}`}>{tw(`stance.${source.stance}`)}</span> : <span className="badge muted">{t("stanceHidden")}</span>}{" "}
      <a href={source.url} target="_blank" rel="noopener noreferrer nofollow" dir="ltr">
        {source.title ? <bdi>{source.title}</bdi> : source.url}
      </a>
      {source.publisher && <span className="muted"> · <bdi>{source.publisher}</bdi></span>}
      {source.excerpt && <blockquote className="excerpt"><bdi>{source.excerpt}</bdi></blockquote>}
      {(source.createdBy || source.readAt) && (
        <p className="muted small">
          {source.createdBy && <>{t("addedBy")} <bdi>{source.createdBy.name}</bdi></>}
          {source.createdBy && source.readAt && " · "}
          {source.readAt && <>{t("readOn")} <bdi>{format.dateTime(new Date(source.readAt), { dateStyle: "medium" })}</bdi></>}
        </p>
      )}
    </li>
  );
}

export function SourceList({ sources }: { sources: Source[] }) {
  return (
    <ul className="plain source-list">
      {sources.map((s) => <SourceItem key={s.id} source={s} />)}
    </ul>
  );
}

/** Each reviewer's rating, rationale and the sources they attached, next to one another. */
export function VerdictsSideBySide({ verdicts, sources, viewerId }: { verdicts: Verdict[]; sources: Source[]; viewerId: string }) {
  const t = useTranslations("review.claim");
  const tw = useTranslations("workspace");
  const format = useFormatter();
  return (
    <div className="side-by-side" data-testid="verdicts">
      {verdicts.map((v) => {
        const own = sources.filter((s) => s.createdById === v.reviewer.id);
        return (
          <article key={v.id} className="card verdict-card" data-testid="verdict" aria-labelledby={`verdict-${v.id}`}>
            <h3 id={`verdict-${v.id}`}>
              <bdi>{v.reviewer.name}</bdi>
              {v.reviewer.id === viewerId && <span className="badge">{t("you")}</span>}
            </h3>
            <p className="rating">
              <span className={`rating-badge rating-${v.rating}`}>
                {v.rating === "unverifiable" ? null : <><bdi dir="ltr">{format.number(Number(v.rating))}</bdi> · </>}
                {tw(`ratings.${v.rating}`)}
              </span>
            </p>
            <h4 className="small muted">{t("rationale")}</h4>
            <p className="rationale" dir="auto"><bdi>{v.rationale}</bdi></p>
            <p className="muted small">
              {t("givenOn")} <bdi>{format.dateTime(new Date(v.updatedAt), { dateStyle: "medium", timeStyle: "short" })}</bdi>
            </p>
            <h4 className="small muted">{t("theirSources", { count: own.length })}</h4>
            {own.length === 0 ? <p className="muted small">{t("noSourcesOfTheirs")}</p> : <SourceList sources={own} />}
          </article>
        );
      })}
    </div>
  );
}

import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { pageActor } from "@/lib/pages/guard";
import { getSearchPage, type SearchPageParams } from "@/lib/search/get-search-page";
import type { SearchHit } from "@/lib/search/search";
import { RATINGS } from "@/lib/validation/claim";
import { CLAIM_STATUSES, SEARCH_TYPES } from "@/lib/validation/search";
import "@/components/search/search.css";

function hrefOf(hit: SearchHit): string {
  if (hit.type === "claim") return `/claims/${hit.id}`;
  if (hit.type === "article") return `/articles/${hit.id}`;
  return hit.url ?? "#";
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchPageParams> }) {
  const actor = await pageActor();
  const params = await searchParams;
  const t = await getTranslations("search");
  const tw = await getTranslations("workspace");
  const format = await getFormatter();
  const { values, projects, result, problem, more } = await getSearchPage({ actor, params });

  return (
    <div className="stack">
      <h1>{t("page.title")}</h1>
      <form action="/search" method="get" className="card stack" role="search" aria-label={t("page.title")}>
        <label className="stack">
          <span>{t("box.label")}</span>
          <input type="search" name="q" defaultValue={values.q} dir="auto" maxLength={500} required data-testid="search-q" />
        </label>
        <p className="muted small">{t("page.hint")}</p>
        <fieldset className="search-filters">
          <legend>{t("filters.title")}</legend>
          <label>
            {t("filters.project")}
            <select name="projectId" defaultValue={values.projectId}>
              <option value="">{t("filters.allProjects")}</option>
              {projects.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
          <label>
            {t("filters.type")}
            <select name="type" defaultValue={values.type}>
              <option value="">{t("filters.allTypes")}</option>
              {SEARCH_TYPES.map((x) => <option key={x} value={x}>{t(`types.${x}`)}</option>)}
            </select>
          </label>
          <label>
            {t("filters.status")}
            <select name="status" defaultValue={values.status}>
              <option value="">{t("filters.anyStatus")}</option>
              {CLAIM_STATUSES.map((x) => <option key={x} value={x}>{tw(`status.${x}`)}</option>)}
            </select>
          </label>
          <label>
            {t("filters.rating")}
            <select name="rating" defaultValue={values.rating}>
              <option value="">{t("filters.anyRating")}</option>
              {RATINGS.map((x) => <option key={x} value={x}>{tw(`ratings.${x}`)}</option>)}
            </select>
          </label>
          <label>{t("filters.from")}<input type="date" name="from" defaultValue={values.from} dir="ltr" /></label>
          <label>{t("filters.to")}<input type="date" name="to" defaultValue={values.to} dir="ltr" /></label>
          <button type="submit">{t("filters.apply")}</button>
        </fieldset>
      </form>

      {problem && <p className="card" role="alert">{t("page.invalid", { message: problem })}</p>}
      {result && (
        <section className="stack" aria-labelledby="results-title">
          <h2 id="results-title">{result.items.length === 0 ? t("page.none") : t("page.results", { count: result.items.length })}</h2>
          <ul className="plain search-results" data-testid="search-results">
            {result.items.map((hit) => (
              <li key={`${hit.type}:${hit.id}`} data-testid="search-hit" data-type={hit.type}>
                <p className="row small">
                  <span className={hit.external ? "badge external" : "badge"}>{t(`types.${hit.type}`)}</span>
                  {hit.status && <span className={`status status-${hit.status}`}>{tw(`status.${hit.status}`)}</span>}
                  {hit.finalRating ? <span>{tw(`ratings.${hit.finalRating}`)}</span> : hit.finalRatingLabel && <bdi>{hit.finalRatingLabel}</bdi>}
                </p>
                <p className="snippet" dir="auto">
                  {hit.snippet.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
                </p>
                <p className="muted small">
                  {hit.type === "fact-check" ? (
                    <a href={hrefOf(hit)} target="_blank" rel="noopener noreferrer nofollow" dir="ltr">{hit.url}</a>
                  ) : (
                    <Link href={hrefOf(hit)}>{t("hit.open")}</Link>
                  )}
                  {hit.title && <> · {t("hit.in")} <bdi>{hit.title}</bdi></>}
                  {hit.outlet && hit.outlet !== hit.title && <> · <bdi>{hit.outlet}</bdi></>}
                  {hit.date && <> · <bdi>{format.dateTime(new Date(hit.date), { dateStyle: "medium" })}</bdi></>}
                </p>
              </li>
            ))}
          </ul>
          {more && <p><Link href={more}>{t("page.more")}</Link></p>}
        </section>
      )}
    </div>
  );
}

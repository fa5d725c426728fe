import { getTranslations } from "next-intl/server";

/** The header's search box: a plain GET form to the search page, so it works without script. */
export async function SearchBox() {
  const t = await getTranslations("search.box");
  return (
    <form action="/search" method="get" role="search" className="search-box" aria-label={t("label")}>
      <input type="search" name="q" placeholder={t("placeholder")} aria-label={t("label")} dir="auto" maxLength={500} required />
      <button type="submit" className="secondary">{t("submit")}</button>
    </form>
  );
}

-- Search and "checked before": Arabic/English full-text search, trigram similarity, and
-- reference fact-checks imported from other desks' ClaimReview JSON-LD.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Folding for matching, identical to foldText() in lib/search/fold.ts (a test keeps them
-- equal): hamza-carrying alefs and alef wasla -> ا, ى -> ي, ة -> ه, Arabic-Indic and Persian
-- digits -> 0-9, Arabic decimal and thousands separators -> . and ,, harakat, superscript
-- alef, tatweel and zero-width (non-)joiners removed, lower case, and the definite article
-- (with a glued و ف ب ك or ل) dropped before a word of three letters or more.
CREATE FUNCTION sanad_fold(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT regexp_replace(
           regexp_replace(
             lower(translate(t, 'أإآٱىة٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬', 'اااايه01234567890123456789.,')),
             '[\u064B-\u065F\u0670\u0640\u200C\u200D]', '', 'g'),
           '(^|[^\u0621-\u064A])(وبال|وال|فال|بال|كال|لل|ال)(?=[\u0621-\u064A]{3})', '\1', 'g')
$$;

-- The text-search configuration of a row: its language when known (ar*, en*), else by script
-- (Arabic letters: arabic; none and no language: english; another language: simple).
CREATE FUNCTION sanad_ts_config(lang text, t text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN lower(coalesce(lang, '')) LIKE 'ar%' OR (coalesce(lang, '') = '' AND t ~ '[\u0621-\u064A]') THEN 'arabic'::regconfig
    WHEN lower(coalesce(lang, '')) LIKE 'en%' OR coalesce(lang, '') = '' THEN 'english'::regconfig
    ELSE 'simple'::regconfig
  END
$$;

-- A row's document. Very long texts are cut: a tsvector holds at most 1 MB.
CREATE FUNCTION sanad_tsvector(lang text, t text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN t IS NULL THEN ''::tsvector
              ELSE to_tsvector(sanad_ts_config(lang, left(t, 100000)), sanad_fold(left(t, 100000))) END
$$;

-- One word of a query in the three configurations a row may have been indexed with; NULL
-- when any of them drops it as a stop word (a row indexed without it could never match).
CREATE FUNCTION sanad_word_query(w text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN numnode(a) = 0 OR numnode(e) = 0 OR numnode(s) = 0 THEN NULL ELSE a || e || s END
  FROM (SELECT plainto_tsquery('arabic'::regconfig, sanad_fold(w)) AS a,
               plainto_tsquery('english'::regconfig, sanad_fold(w)) AS e,
               plainto_tsquery('simple'::regconfig, sanad_fold(w)) AS s) AS x
$$;

-- A quoted phrase, the same way (stop words inside a phrase keep their place).
CREATE FUNCTION sanad_phrase_query(p text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN numnode(s) = 0 THEN NULL
              ELSE (CASE WHEN numnode(a) = 0 THEN s ELSE a END) || (CASE WHEN numnode(e) = 0 THEN s ELSE e END) || s END
  FROM (SELECT phraseto_tsquery('arabic'::regconfig, sanad_fold(p)) AS a,
               phraseto_tsquery('english'::regconfig, sanad_fold(p)) AS e,
               phraseto_tsquery('simple'::regconfig, sanad_fold(p)) AS s) AS x
$$;

-- The whole query: every word and phrase must match, no excluded one may. NULL when nothing
-- searchable is left (only stop words or punctuation). Inputs are plain strings: tsquery
-- syntax in them is text to parse into words, never operators.
CREATE FUNCTION sanad_search_query(words text[], phrases text[], excluded text[]) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH parts AS (
    SELECT sanad_word_query(w) AS q, false AS neg FROM unnest(coalesce(words, '{}')) AS w
    UNION ALL SELECT sanad_phrase_query(p), false FROM unnest(coalesce(phrases, '{}')) AS p
    UNION ALL SELECT sanad_word_query(x), true FROM unnest(coalesce(excluded, '{}')) AS x
  )
  SELECT CASE WHEN bool_or(NOT neg) THEN
    string_agg(CASE WHEN neg THEN '!(' ELSE '(' END || q::text || ')', ' & ')::tsquery END
  FROM parts WHERE q IS NOT NULL
$$;

-- Claims: the claimed text, the language by script. (Notes stay out: indexing up to 5,000
-- characters of note made every claim insert ten times dearer.)
ALTER TABLE "claims" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(sanad_tsvector(NULL, "text"), 'A')) STORED;
CREATE INDEX "claims_search_vector_idx" ON "claims" USING GIN ("search_vector");
CREATE INDEX "claims_text_trgm_idx" ON "claims" USING GIN (sanad_fold("text") gin_trgm_ops);
CREATE INDEX "claims_figure_idx" ON "claims" ("quantity_kind", "quantity_value") WHERE "quantity_value" IS NOT NULL;

-- Articles: title (A) and body (B) in the article's language.
ALTER TABLE "articles" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(sanad_tsvector("language", "title"), 'A') || setweight(sanad_tsvector("language", "body"), 'B')) STORED;
CREATE INDEX "articles_search_vector_idx" ON "articles" USING GIN ("search_vector");

-- Other desks' published fact-checks (schema.org ClaimReview), brought in by a desk.
CREATE TABLE "reference_fact_checks" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "claim_reviewed" TEXT NOT NULL,
    "rating_value" DOUBLE PRECISION,
    "best_rating" DOUBLE PRECISION,
    "worst_rating" DOUBLE PRECISION,
    "rating_label" TEXT,
    "author_name" TEXT,
    "author_url" TEXT,
    "claimant" TEXT,
    "review_date" TIMESTAMP(3),
    "language" TEXT,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "search_vector" tsvector GENERATED ALWAYS AS (sanad_tsvector("language", "claim_reviewed")) STORED,

    CONSTRAINT "reference_fact_checks_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "reference_fact_checks_project_id_url_key" ON "reference_fact_checks"("project_id", "url");
CREATE INDEX "reference_fact_checks_search_vector_idx" ON "reference_fact_checks" USING GIN ("search_vector");
CREATE INDEX "reference_fact_checks_claim_trgm_idx" ON "reference_fact_checks" USING GIN (sanad_fold("claim_reviewed") gin_trgm_ops);
ALTER TABLE "reference_fact_checks" ADD CONSTRAINT "reference_fact_checks_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reference_fact_checks" ADD CONSTRAINT "reference_fact_checks_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The figures the text analysis found in a reference fact-check's claim.
CREATE TABLE "reference_figures" (
    "fact_check_id" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "kind" TEXT NOT NULL,
    "unit" TEXT,
    "noun" TEXT,
    "qualifier" TEXT,

    CONSTRAINT "reference_figures_pkey" PRIMARY KEY ("fact_check_id", "index")
);
CREATE INDEX "reference_figures_kind_value_idx" ON "reference_figures"("kind", "value");
ALTER TABLE "reference_figures" ADD CONSTRAINT "reference_figures_fact_check_id_fkey" FOREIGN KEY ("fact_check_id") REFERENCES "reference_fact_checks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- "Checked before" by wording, at archive scale (issue 14). The trigram lookup over the whole
-- archive (sanad_fold(text) % subject, through the GIN trigram index) reads one posting list
-- per trigram of the subject, and common trigrams are in most rows: at 1,000,000 claims it
-- passed its time limit every time. Candidates now come from the full-text index instead:
-- rows that share a pair of neighbouring words with the subject (a word "shingle", as
-- near-duplicate detection uses them), whose posting lists are short; trigram similarity then
-- ranks those few rows.
--
-- The query: the subject's first 12 distinct pairs of neighbouring lexemes, each as a phrase
-- at the same distance (`a <1> b`, or `a <2> b` over a stop word), OR'ed. A subject of one
-- lexeme asks for that one; NULL when the text has none (only stop words or punctuation).
-- Lexemes are those of sanad_tsvector(NULL, t): what a claim's search_vector holds.
CREATE FUNCTION sanad_overlap_query(t text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  WITH words AS (
    SELECT l.lexeme AS x, p AS pos
    FROM unnest(sanad_tsvector(NULL, t)) AS l, unnest(l.positions) AS p
  ), pairs AS (
    SELECT x, pos, lead(x) OVER (ORDER BY pos) AS y, lead(pos) OVER (ORDER BY pos) - pos AS d FROM words
  ), chosen AS (
    SELECT DISTINCT ON (x, y, d) x, y, d, pos FROM pairs WHERE y IS NOT NULL ORDER BY x, y, d, pos
  ), quoted AS (
    -- A lexeme as a tsquery operand: quoted, with ' and \ escaped.
    SELECT ('''' || replace(replace(x, '\', '\\'), '''', '''''') || '''') AS a,
           ('''' || replace(replace(y, '\', '\\'), '''', '''''') || '''') AS b, d
    FROM chosen ORDER BY pos LIMIT 12
  )
  SELECT CASE
    WHEN (SELECT count(*) FROM quoted) > 0 THEN (SELECT string_agg('(' || a || ' <' || d || '> ' || b || ')', ' | ') FROM quoted)::tsquery
    ELSE (SELECT ('''' || replace(replace(x, '\', '\\'), '''', '''''') || '''')::tsquery FROM words LIMIT 1)
  END
$$;

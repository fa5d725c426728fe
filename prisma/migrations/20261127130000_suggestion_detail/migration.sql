-- Structured discrepancy data beside the readable reason (issue 13).
ALTER TABLE "suggestions" ADD COLUMN "detail" JSONB;

-- Existing contradiction suggestions get a best-effort structured value from what is stored:
-- type "conflict", the two figure indexes, the stored reason, the measure from the first
-- figure's counted noun (or its kind), and the difference of the two stored values.
-- Sources and bounds were never stored, so they are null.
UPDATE "suggestions" AS s
SET "detail" = jsonb_build_object(
  'a', s.quantity_a,
  'b', s.quantity_b,
  'type', 'conflict',
  'reason', s.reason,
  'measure', COALESCE('noun:' || qa.noun, qa.kind, ''),
  'sources', jsonb_build_array(NULL, NULL),
  'bounds', jsonb_build_array(NULL, NULL),
  'difference', CASE
    WHEN qa.value IS NULL OR qb.value IS NULL THEN NULL
    ELSE jsonb_build_object(
      'absolute', qb.value - qa.value,
      'relative', CASE WHEN GREATEST(ABS(qa.value), ABS(qb.value)) = 0 THEN 0
                       ELSE ROUND((ABS(qb.value - qa.value) / GREATEST(ABS(qa.value), ABS(qb.value)))::numeric, 4) END)
  END,
  'migrated', true)
FROM "suggestions" AS t
LEFT JOIN "quantities" AS qa ON qa.article_id = t.article_id AND qa.index = t.quantity_a
LEFT JOIN "quantities" AS qb ON qb.article_id = t.article_id AND qb.index = t.quantity_b
WHERE s.id = t.id AND s.type = 'contradiction' AND s.detail IS NULL;

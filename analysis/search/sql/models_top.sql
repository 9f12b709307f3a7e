-- The ids of the $n most downloaded models of week $week (ties by id), and week_rows: all rows of
-- that week (those not kept are counted, not indexed). Only id and downloads are read here.
SELECT id, count(*) OVER () AS week_rows
FROM models
WHERE week = $week
ORDER BY downloads DESC NULLS LAST, id
LIMIT $n

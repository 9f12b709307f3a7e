-- Week-by-week activity of the $n authors that created the most repos of kind $kind over
-- [$start, $end]: repos created and modified each week. A repeated week (its file repeats the
-- previous one) has NULL activity, not zero. Weeks where an author has no row count 0.
WITH wk AS (
    SELECT DISTINCT a.week, w.repeat_of
    FROM fact_authors AS a
    LEFT JOIN weeks AS w ON w.kind = a.kind AND w.week = a.week
    WHERE a.kind = $kind AND ($start IS NULL OR a.week >= $start) AND ($end IS NULL OR a.week <= $end)
),
sel AS (
    SELECT a.week, a.author, a.created_week, a.modified_week
    FROM fact_authors AS a
    JOIN wk ON wk.week = a.week
    WHERE a.kind = $kind AND a.author IS NOT NULL AND wk.repeat_of IS NULL
),
top AS (
    SELECT author, sum(created_week) AS created_total
    FROM sel
    GROUP BY author
    ORDER BY created_total DESC, author
    LIMIT $n
)
SELECT
    wk.week,
    top.author,
    CAST(top.created_total AS BIGINT) AS created_total,
    CASE WHEN wk.repeat_of IS NULL THEN CAST(coalesce(sel.created_week, 0) AS BIGINT) END AS created,
    CASE WHEN wk.repeat_of IS NULL THEN CAST(coalesce(sel.modified_week, 0) AS BIGINT) END AS modified,
    wk.repeat_of IS NOT NULL AS is_repeat,
    coalesce(m.kind, 'unmapped') AS org_kind
FROM wk
CROSS JOIN top
LEFT JOIN sel ON sel.week = wk.week AND sel.author = top.author
LEFT JOIN org_map AS m ON lower(m.org) = lower(top.author)
ORDER BY top.created_total DESC, top.author, wk.week

-- Organization heat map explorer: repos created each week by the $n authors that created the
-- most repos of each kind within each kind of organization (org_kind from the temp table
-- org_map, 'unmapped' when absent), over the weeks in [$start, $end].
-- Rows are sparse: a (kind, week, author) row is kept when the author created something that
-- week, or when the week repeats the previous file (is_repeat; created is then NULL, not zero).
-- top_overall marks the $n most active authors of the kind whatever their org_kind.
WITH wk AS (
    SELECT DISTINCT a.kind, a.week, w.repeat_of
    FROM fact_authors AS a
    LEFT JOIN weeks AS w ON w.kind = a.kind AND w.week = a.week
    WHERE ($start IS NULL OR a.week >= $start) AND ($end IS NULL OR a.week <= $end)
),
sel AS (
    SELECT a.kind, a.week, a.author, a.created_week
    FROM fact_authors AS a
    JOIN wk ON wk.kind = a.kind AND wk.week = a.week
    WHERE a.author IS NOT NULL AND wk.repeat_of IS NULL
),
totals AS (
    SELECT
        sel.kind,
        sel.author,
        coalesce(any_value(m.kind), 'unmapped') AS org_kind,
        sum(sel.created_week) AS created_total
    FROM sel
    LEFT JOIN org_map AS m ON lower(m.org) = lower(sel.author)
    GROUP BY sel.kind, sel.author
    HAVING sum(sel.created_week) > 0
),
ranked AS (
    SELECT
        *,
        row_number() OVER (PARTITION BY kind, org_kind ORDER BY created_total DESC, author) AS rank_in_org_kind,
        row_number() OVER (PARTITION BY kind ORDER BY created_total DESC, author) AS rank_overall
    FROM totals
),
top AS (
    SELECT * FROM ranked WHERE rank_in_org_kind <= $n
)
SELECT
    wk.kind,
    wk.week,
    top.author,
    top.org_kind,
    CAST(top.created_total AS BIGINT) AS created_total,
    CAST(top.rank_in_org_kind AS INTEGER) AS rank_in_org_kind,
    top.rank_overall <= $n AS top_overall,
    CASE WHEN wk.repeat_of IS NULL THEN CAST(coalesce(sel.created_week, 0) AS BIGINT) END AS created,
    wk.repeat_of IS NOT NULL AS is_repeat
FROM wk
JOIN top ON top.kind = wk.kind
LEFT JOIN sel ON sel.kind = wk.kind AND sel.week = wk.week AND sel.author = top.author
WHERE wk.repeat_of IS NOT NULL OR coalesce(sel.created_week, 0) > 0
ORDER BY wk.kind, top.created_total DESC, top.author, wk.week

-- Repos existing and created per kind and week, within [$start, $end] (NULL: unbounded).
-- created: repos created in [week, week + 7 days), from growth_daily (NULL when not observed).
-- net_change: repos minus repos of the latest earlier non-repeated week in range, over
-- change_weeks weeks; NULL for a repeated week (it is not a new observation) and the first week.
WITH sel AS (
    SELECT *
    FROM growth_observed
    WHERE ($start IS NULL OR week >= $start) AND ($end IS NULL OR week <= $end)
),
created AS (
    SELECT kind, week, sum(created) AS created, count(created) AS days_observed
    FROM growth_daily
    GROUP BY kind, week
),
prev AS (
    SELECT
        *,
        last_value(CASE WHEN repeat_of IS NULL THEN week END IGNORE NULLS) OVER w AS prev_week,
        last_value(CASE WHEN repeat_of IS NULL THEN repos END IGNORE NULLS) OVER w AS prev_repos
    FROM sel
    WINDOW w AS (PARTITION BY kind ORDER BY week ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
)
SELECT
    p.kind,
    p.week,
    p.repos,
    p.authors,
    CASE WHEN c.days_observed > 0 THEN CAST(c.created AS BIGINT) END AS created,
    CASE
        WHEN p.created_from IS NULL THEN 'not observed'
        WHEN p.created_from = p.week THEN 'this week''s file'
        ELSE 'next week''s file'
    END AS created_source,
    p.repeat_of,
    p.repeat_of IS NOT NULL AS is_repeat,
    CASE WHEN p.repeat_of IS NULL AND p.prev_week IS NOT NULL THEN p.repos - p.prev_repos END AS net_change,
    CASE WHEN p.repeat_of IS NULL AND p.prev_week IS NOT NULL THEN (p.week - p.prev_week) / 7.0 END AS change_weeks
FROM prev AS p
LEFT JOIN created AS c ON c.kind = p.kind AND c.week = p.week
ORDER BY p.kind, p.week

-- Licence mix per week of kind $kind within [$start, $end]: the $n licences with the most repos
-- in the last week of the range by name, the rest as '(other licences)', no licence as
-- '(none declared)'; share = repos / all repos of the week.
WITH sel AS (
    SELECT week, coalesce(licence, '(none declared)') AS licence, repos, created_week
    FROM fact_licences
    WHERE kind = $kind AND ($start IS NULL OR week >= $start) AND ($end IS NULL OR week <= $end)
),
top AS (
    SELECT licence
    FROM sel
    WHERE week = (SELECT max(week) FROM sel) AND licence <> '(none declared)'
    ORDER BY repos DESC, licence
    LIMIT $n
),
grouped AS (
    SELECT
        s.week,
        CASE
            WHEN s.licence = '(none declared)' OR t.licence IS NOT NULL THEN s.licence
            ELSE '(other licences)'
        END AS licence,
        sum(s.repos) AS repos,
        sum(s.created_week) AS created_week
    FROM sel AS s
    LEFT JOIN top AS t ON t.licence = s.licence
    GROUP BY ALL
)
SELECT
    g.week,
    g.licence,
    CAST(g.repos AS BIGINT) AS repos,
    CAST(g.created_week AS BIGINT) AS created_week,
    g.repos / sum(g.repos) OVER (PARTITION BY g.week) AS share,
    w.repeat_of IS NOT NULL AS is_repeat
FROM grouped AS g
LEFT JOIN weeks AS w ON w.kind = $kind AND w.week = g.week
ORDER BY g.week, g.repos DESC, g.licence

-- The $n authors holding the most repos of kind $kind in week $week, with what they created over
-- the non-repeated weeks of [$start, $end], their share of all repos of the week, and their kind
-- and country from the temp table org_map (matched case-insensitively; 'unmapped' when absent).
WITH sel AS (
    SELECT a.*
    FROM fact_authors AS a
    LEFT JOIN weeks AS w ON w.kind = a.kind AND w.week = a.week
    WHERE a.kind = $kind
      AND ($start IS NULL OR a.week >= $start) AND ($end IS NULL OR a.week <= $end)
      AND w.repeat_of IS NULL
),
created AS (
    SELECT author, sum(created_week) AS created_in_range FROM sel GROUP BY author
),
held AS (
    SELECT author, repos, downloads, likes, sum(repos) OVER () AS all_repos
    FROM fact_authors
    WHERE kind = $kind AND week = $week AND author IS NOT NULL
)
SELECT
    CAST(row_number() OVER (ORDER BY h.repos DESC, h.author) AS INTEGER) AS rank,
    h.author,
    CAST(h.repos AS BIGINT) AS repos,
    h.repos / h.all_repos AS share_of_repos,
    CAST(coalesce(c.created_in_range, 0) AS BIGINT) AS created_in_range,
    h.downloads,
    h.likes,
    coalesce(m.kind, 'unmapped') AS org_kind,
    coalesce(m.country, 'unmapped') AS country
FROM held AS h
LEFT JOIN created AS c ON c.author = h.author
LEFT JOIN org_map AS m ON lower(m.org) = lower(h.author)
ORDER BY rank
LIMIT $n

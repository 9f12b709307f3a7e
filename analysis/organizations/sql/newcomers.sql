-- Owners new to the Hub per week in [$start, $end]: an owner holding repositories in the week
-- (of any kind with a file that week) every one of which was created during the week
-- (createdAt in [week, week + 7 days)): the owner held nothing the week before. Ranked within
-- the week by repositories held, then by name. A week whose every file repeats the week before
-- has no newcomer (its owners are the earlier week's); where only some kinds repeat, an owner
-- holding repositories of a repeated kind held them before, so is not new.
-- org_kind from the temp table org_map ('unmapped' when absent).
WITH a AS (
    SELECT week, author, repos AS models, 0 AS datasets, 0 AS spaces, created_week, downloads, likes
    FROM fact_models__authors
    UNION ALL
    SELECT week, author, 0, repos, 0, created_week, downloads, likes FROM fact_datasets__authors
    UNION ALL
    SELECT week, author, 0, 0, repos, created_week, NULL, likes FROM fact_spaces__authors
),
wk AS (
    SELECT week, bool_and(repeat_of IS NOT NULL) AS is_repeat
    FROM weeks
    WHERE kind IN ('models', 'datasets', 'spaces')
        AND ($start IS NULL OR week >= $start) AND ($end IS NULL OR week <= $end)
    GROUP BY week
),
o AS (
    SELECT
        a.week,
        a.author,
        sum(a.models) AS models,
        sum(a.datasets) AS datasets,
        sum(a.spaces) AS spaces,
        sum(a.models + a.datasets + a.spaces) AS repos,
        sum(a.created_week) AS created,
        sum(a.downloads) AS downloads,
        sum(a.likes) AS likes
    FROM a
    JOIN wk ON wk.week = a.week
    WHERE a.author IS NOT NULL AND NOT wk.is_repeat
    GROUP BY a.week, a.author
)
SELECT
    o.week,
    CAST(row_number() OVER (PARTITION BY o.week ORDER BY o.repos DESC, o.author) AS INTEGER) AS rank,
    o.author,
    CAST(o.repos AS BIGINT) AS repos,
    CAST(o.models AS BIGINT) AS models,
    CAST(o.datasets AS BIGINT) AS datasets,
    CAST(o.spaces AS BIGINT) AS spaces,
    CAST(o.downloads AS BIGINT) AS downloads,
    CAST(o.likes AS BIGINT) AS likes,
    coalesce(m.kind, 'unmapped') AS org_kind
FROM o
LEFT JOIN org_map AS m ON lower(m.org) = lower(o.author)
WHERE o.repos > 0 AND o.created = o.repos
ORDER BY o.week, rank

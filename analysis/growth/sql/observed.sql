-- Temp table growth_observed: every (kind, week) of the weeks table, its repos and authors, whether the
-- week's file repeats the previous one, and which file gives the creations of that week
-- (created_from): the week's own file; for a repeated week the following week's file, when
-- that one is not a repeat (its fact counts creations over the 14 days before its label + 7);
-- else NULL (not observed).
CREATE OR REPLACE TEMP TABLE growth_observed AS
WITH a AS (
    SELECT kind, week, sum(repos) AS repos, count(author) AS authors
    FROM fact_authors GROUP BY kind, week
),
-- every week of the weeks table: a file without rows is a week of zero repositories
aw AS (
    SELECT w.kind, w.week, coalesce(a.repos, 0) AS repos, coalesce(a.authors, 0) AS authors, w.repeat_of
    FROM weeks AS w
    LEFT JOIN a ON a.kind = w.kind AND a.week = w.week
    WHERE w.kind IN ('models', 'datasets', 'spaces')
)
SELECT
    o.kind,
    o.week,
    CAST(o.repos AS BIGINT) AS repos,
    CAST(o.authors AS BIGINT) AS authors,
    o.repeat_of,
    CASE
        WHEN o.repeat_of IS NULL THEN o.week
        WHEN nx.week IS NOT NULL AND nx.repeat_of IS NULL THEN nx.week
    END AS created_from
FROM aw AS o
LEFT JOIN aw AS nx ON nx.kind = o.kind AND nx.week = o.week + 7

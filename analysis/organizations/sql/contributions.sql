-- Repos held in week $week per repo kind, organization kind and country (from the temp table
-- org_map, matched case-insensitively on the author; 'unmapped' when the author is not in it),
-- with the number of authors behind them and each group's share of the repo kind's total.
WITH g AS (
    SELECT
        a.kind AS repo_kind,
        coalesce(m.kind, 'unmapped') AS org_kind,
        coalesce(m.country, 'unmapped') AS country,
        sum(a.repos) AS repos,
        count(a.author) AS authors
    FROM fact_authors AS a
    LEFT JOIN org_map AS m ON lower(m.org) = lower(a.author)
    WHERE a.week = $week
    GROUP BY ALL
)
SELECT
    repo_kind,
    org_kind,
    country,
    CAST(repos AS BIGINT) AS repos,
    CAST(authors AS BIGINT) AS authors,
    repos / sum(repos) OVER (PARTITION BY repo_kind) AS share
FROM g
ORDER BY repo_kind, repos DESC, org_kind, country

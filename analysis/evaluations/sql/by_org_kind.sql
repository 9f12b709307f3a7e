-- Per organization kind in week $week (owners' kinds from the temp table org_map, matched
-- case-insensitively; 'unmapped' when absent): owners and models (fact models__authors), owners
-- and models reporting at least one evaluation result (fact models__evaluations), and results.
WITH rep AS (
    SELECT author, count(DISTINCT id) AS reporting, sum(results) AS results
    FROM fact_models__evaluations
    WHERE week = $week AND status = 'parsed' AND benchmark IS NOT NULL
    GROUP BY author
),
a AS (
    SELECT
        coalesce(m.kind, 'unmapped') AS org_kind,
        a.author,
        a.repos,
        coalesce(r.reporting, 0) AS reporting,
        coalesce(r.results, 0) AS results
    FROM fact_models__authors AS a
    LEFT JOIN rep AS r ON r.author IS NOT DISTINCT FROM a.author
    LEFT JOIN org_map AS m ON lower(m.org) = lower(a.author)
    WHERE a.week = $week
)
SELECT
    org_kind,
    CAST(count(*) AS BIGINT) AS owners,
    CAST(sum(repos) AS BIGINT) AS models,
    CAST(count(*) FILTER (WHERE reporting > 0) AS BIGINT) AS reporting_owners,
    CAST(sum(reporting) AS BIGINT) AS reporting,
    sum(reporting) / nullif(sum(repos), 0) AS reporting_share,
    CAST(sum(results) AS BIGINT) AS results
FROM a
GROUP BY org_kind
ORDER BY reporting DESC, models DESC, org_kind

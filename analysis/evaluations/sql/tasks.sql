-- Results per task and organization kind in week $week for the $n tasks with the most results
-- (fact models__evaluations; owners' kinds from the temp table org_map, 'unmapped' when absent;
-- ties broken by task), with the models reporting each and the share of the kind's results.
WITH r AS (
    SELECT
        e.task,
        coalesce(m.kind, 'unmapped') AS org_kind,
        e.id,
        e.results
    FROM fact_models__evaluations AS e
    LEFT JOIN org_map AS m ON lower(m.org) = lower(e.author)
    WHERE e.week = $week AND e.status = 'parsed' AND e.benchmark IS NOT NULL
),
top AS (
    SELECT task FROM r GROUP BY task ORDER BY sum(results) DESC, task LIMIT $n
),
g AS (
    SELECT r.org_kind, r.task, count(DISTINCT r.id) AS models, sum(r.results) AS results
    FROM r
    JOIN top USING (task)
    GROUP BY r.org_kind, r.task
)
SELECT
    org_kind,
    task,
    CAST(models AS BIGINT) AS models,
    CAST(results AS BIGINT) AS results,
    results / sum(results) OVER (PARTITION BY org_kind) AS share
FROM g
ORDER BY org_kind, results DESC, task

-- Datasets per week and domain (fact datasets__domains) within [$start, $end];
-- share = datasets in the domain / all datasets of the week ('(none)' included).
WITH totals AS (
    SELECT week, sum(repos) AS all_datasets FROM fact_datasets__authors GROUP BY week
)
SELECT
    d.week,
    d.domain,
    d.datasets,
    d.created_week,
    d.downloads,
    d.datasets / t.all_datasets AS share,
    w.repeat_of IS NOT NULL AS is_repeat
FROM fact_datasets__domains AS d
JOIN totals AS t ON t.week = d.week
LEFT JOIN weeks AS w ON w.kind = 'datasets' AND w.week = d.week
WHERE ($start IS NULL OR d.week >= $start) AND ($end IS NULL OR d.week <= $end)
ORDER BY d.domain, d.week

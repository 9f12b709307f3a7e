-- Datasets per week and task category for the $n categories with the most datasets in the last
-- week of [$start, $end]; share = datasets in the category / all datasets of the week.
WITH totals AS (
    SELECT week, sum(repos) AS all_datasets FROM fact_datasets__authors GROUP BY week
),
sel AS (
    SELECT *
    FROM fact_datasets__tasks
    WHERE ($start IS NULL OR week >= $start) AND ($end IS NULL OR week <= $end)
),
top AS (
    SELECT task
    FROM sel
    WHERE week = (SELECT max(week) FROM sel)
    ORDER BY datasets DESC, task
    LIMIT $n
)
SELECT
    s.week,
    s.task,
    s.datasets,
    s.created_week,
    s.datasets / t.all_datasets AS share,
    w.repeat_of IS NOT NULL AS is_repeat
FROM sel AS s
JOIN top USING (task)
JOIN totals AS t ON t.week = s.week
LEFT JOIN weeks AS w ON w.kind = 'datasets' AND w.week = s.week
ORDER BY s.task, s.week

-- Attention concentration per week and measure (read by analysis/concentration), computed here so the
-- fact stays one row per (week, measure). Measures: downloads (30-day window),
-- downloadsAllTime (cumulative; a typed NULL in weeks before the column existed) and likes.
--   rows        models in the week's file
--   n           models with a value (rows - n = models whose value is NULL: not counted as zero)
--   n_zero      models whose value is 0
--   total       sum of the values
--   top1_n      ceil(1% of n): the number of models in the top 1%
--   top1_total  sum of the top1_n largest values (ties do not change the sum)
--   gini        with x_1 <= ... <= x_n: 2 * sum(i * x_i) / (n * sum(x)) - (n + 1) / n;
--               NULL when n = 0 or the total is 0
WITH long AS (
    SELECT week, 'downloads' AS measure, downloads AS x FROM models
    UNION ALL
    SELECT week, 'downloadsAllTime' AS measure, "downloadsAllTime" AS x FROM models
    UNION ALL
    SELECT week, 'likes' AS measure, likes AS x FROM models
),
ranked AS (
    SELECT
        week,
        measure,
        CAST(x AS DOUBLE) AS x,
        row_number() OVER (PARTITION BY week, measure ORDER BY x) AS i,
        count(*) OVER (PARTITION BY week, measure) AS n
    FROM long
    WHERE x IS NOT NULL
),
stats AS (
    SELECT
        week,
        measure,
        max(n) AS n,
        count(*) FILTER (WHERE x = 0) AS n_zero,
        sum(x) AS total,
        CAST(ceil(max(n) * 0.01) AS BIGINT) AS top1_n,
        sum(x) FILTER (WHERE i > n - ceil(n * 0.01)) AS top1_total,
        sum(CAST(i AS DOUBLE) * x) AS weighted
    FROM ranked
    GROUP BY week, measure
),
rows AS (
    SELECT week, measure, count(*) AS rows FROM long GROUP BY week, measure
)
SELECT
    r.week,
    r.measure,
    r.rows,
    coalesce(s.n, 0) AS n,
    coalesce(s.n_zero, 0) AS n_zero,
    s.total,
    s.top1_n,
    s.top1_total,
    CASE
        WHEN s.total > 0 THEN 2.0 * s.weighted / (s.n * s.total) - (s.n + 1.0) / s.n
    END AS gini
FROM rows AS r
LEFT JOIN stats AS s ON s.week = r.week AND s.measure = r.measure

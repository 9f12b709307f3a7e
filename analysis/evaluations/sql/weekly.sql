-- Per models week in [$start, $end]: models in the file (fact models__counts), cards naming
-- "model-index" (fact models__evaluations), those not parsed by reason, models reporting at
-- least one result (a parsed card with a results[] entry), results, distinct benchmarks, and how
-- concentrated results are on benchmarks (fact models__evaluation_benchmarks): the share of all
-- results on the 1, 5 and 10 benchmarks with the most results (ties do not change a sum), and
-- the Gini coefficient of results per benchmark, with x_1 <= ... <= x_n:
-- 2 * sum(i * x_i) / (n * sum(x)) - (n + 1) / n; NULL when no result.
WITH wk AS (
    SELECT week, repeat_of
    FROM weeks
    WHERE kind = 'models' AND ($start IS NULL OR week >= $start) AND ($end IS NULL OR week <= $end)
),
cards AS (
    SELECT
        week,
        count(DISTINCT id) AS cards,
        count(DISTINCT id) FILTER (WHERE status = 'parsed' AND benchmark IS NOT NULL) AS reporting,
        count(DISTINCT id) FILTER (WHERE status <> 'parsed') AS not_parsed,
        count(DISTINCT id) FILTER (WHERE status = 'too large') AS too_large,
        count(DISTINCT id) FILTER (WHERE status = 'too deep') AS too_deep,
        count(DISTINCT id) FILTER (WHERE status = 'malformed') AS malformed
    FROM fact_models__evaluations
    GROUP BY week
),
ranked AS (
    SELECT
        week,
        CAST(results AS DOUBLE) AS x,
        row_number() OVER (PARTITION BY week ORDER BY results DESC, benchmark) AS top_rank,
        row_number() OVER (PARTITION BY week ORDER BY results, benchmark) AS i,
        count(*) OVER (PARTITION BY week) AS n
    FROM fact_models__evaluation_benchmarks
),
conc AS (
    SELECT
        week,
        max(n) AS benchmarks,
        sum(x) AS results,
        sum(x) FILTER (WHERE top_rank <= 1) / sum(x) AS top1_share,
        sum(x) FILTER (WHERE top_rank <= 5) / sum(x) AS top5_share,
        sum(x) FILTER (WHERE top_rank <= 10) / sum(x) AS top10_share,
        2 * sum(i * x) / (max(n) * sum(x)) - (max(n) + 1) / max(n) AS gini
    FROM ranked
    GROUP BY week
)
SELECT
    wk.week,
    CAST(coalesce(m.models, 0) AS BIGINT) AS models,
    CAST(coalesce(c.cards, 0) AS BIGINT) AS cards,
    CAST(coalesce(c.reporting, 0) AS BIGINT) AS reporting,
    coalesce(c.reporting, 0) / nullif(m.models, 0) AS reporting_share,
    CAST(coalesce(c.not_parsed, 0) AS BIGINT) AS not_parsed,
    CAST(coalesce(c.too_large, 0) AS BIGINT) AS too_large,
    CAST(coalesce(c.too_deep, 0) AS BIGINT) AS too_deep,
    CAST(coalesce(c.malformed, 0) AS BIGINT) AS malformed,
    CAST(coalesce(k.results, 0) AS BIGINT) AS results,
    CAST(coalesce(k.benchmarks, 0) AS BIGINT) AS benchmarks,
    k.top1_share,
    k.top5_share,
    k.top10_share,
    k.gini,
    wk.repeat_of IS NOT NULL AS is_repeat
FROM wk
LEFT JOIN fact_models__counts AS m ON m.week = wk.week
LEFT JOIN cards AS c ON c.week = wk.week
LEFT JOIN conc AS k ON k.week = wk.week
ORDER BY wk.week

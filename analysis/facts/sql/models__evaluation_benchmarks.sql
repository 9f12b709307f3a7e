-- reads facts: evaluations
-- Per week and benchmark named in model cards' evaluation results (fact models__evaluations):
-- results reported on it and the models reporting it. Small enough for every week's history.
SELECT
    week,
    benchmark,
    CAST(sum(results) AS BIGINT) AS results,
    CAST(count(DISTINCT id) AS BIGINT) AS models
FROM fact_models__evaluations
WHERE benchmark IS NOT NULL
GROUP BY week, benchmark

-- The $n benchmarks with the most results in week $week (fact models__evaluation_benchmarks;
-- ties broken by name), with the models reporting each and its share of the week's results.
SELECT
    CAST(row_number() OVER (ORDER BY results DESC, benchmark) AS INTEGER) AS rank,
    benchmark,
    models,
    results,
    results / sum(results) OVER () AS share
FROM fact_models__evaluation_benchmarks
WHERE week = $week
QUALIFY rank <= $n
ORDER BY rank

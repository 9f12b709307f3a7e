-- The $n benchmarks with the most models reporting them in models week $week (fact
-- models__evaluation_benchmarks; ties broken by results, then name).
SELECT
    CAST(row_number() OVER (ORDER BY models DESC, results DESC, benchmark) AS INTEGER) AS rank,
    benchmark,
    models,
    results
FROM fact_models__evaluation_benchmarks
WHERE week = $week
QUALIFY rank <= $n
ORDER BY rank

-- The $n most downloaded datasets of week $week (from fact_datasets__top, which keeps 200 a
-- week), whether each looks like an evaluation benchmark and by which signal, and the kind of
-- its owner from the temp table org_map ('unmapped' when absent).
SELECT
    t.rank,
    t.id,
    t.author,
    t.downloads,
    t.likes,
    t.benchmark_tag OR t.benchmark_name OR t.benchmark_known AS is_benchmark,
    concat_ws(', ',
        CASE WHEN t.benchmark_tag THEN 'tag' END,
        CASE WHEN t.benchmark_name THEN 'name' END,
        CASE WHEN t.benchmark_known THEN 'known benchmark' END
    ) AS benchmark_signal,
    coalesce(m.kind, 'unmapped') AS org_kind,
    coalesce(m.country, 'unmapped') AS country
FROM fact_datasets__top AS t
LEFT JOIN org_map AS m ON lower(m.org) = lower(t.author)
WHERE t.week = $week AND t.rank <= $n
ORDER BY t.rank

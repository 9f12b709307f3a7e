-- Per week in [$start, $end]: of the $n most downloaded datasets, how many look like evaluation
-- benchmarks (see fact datasets__top) and the share of the top-$n downloads they hold.
SELECT
    t.week,
    count(*) AS top_n,
    count(*) FILTER (WHERE t.benchmark_tag OR t.benchmark_name OR t.benchmark_known) AS benchmarks,
    count(*) FILTER (WHERE t.benchmark_tag OR t.benchmark_name OR t.benchmark_known) / count(*) AS benchmark_share,
    sum(t.downloads) FILTER (WHERE t.benchmark_tag OR t.benchmark_name OR t.benchmark_known) / sum(t.downloads) AS benchmark_download_share,
    w.repeat_of,
    w.repeat_of IS NOT NULL AS is_repeat
FROM fact_datasets__top AS t
LEFT JOIN weeks AS w ON w.kind = 'datasets' AND w.week = t.week
WHERE t.rank <= $n AND ($start IS NULL OR t.week >= $start) AND ($end IS NULL OR t.week <= $end)
GROUP BY t.week, w.repeat_of
ORDER BY t.week

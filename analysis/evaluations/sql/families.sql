-- For the $n families with the most derivatives in week $week (the lineage graph's tables
-- lineage_families and lineage_labels; ties broken by the root's id): which benchmarks the
-- root reports (fact models__evaluations, compared lower-cased) and, of its derivatives, how
-- many report any, how many report at least one of the root's benchmarks and how many report
-- exactly the root's set; mean_jaccard is the mean, over reporting derivatives, of the shared
-- benchmarks over the union of both sets (NULL when none reports).
WITH f AS (
    SELECT node_uid, root_uid, depth FROM lineage_families WHERE week = $week
),
top AS (
    SELECT f.root_uid, any_value(l.id) AS root_id, count(*) - 1 AS derivatives
    FROM f
    LEFT JOIN lineage_labels AS l ON l.week = $week AND l.uid = f.root_uid
    GROUP BY f.root_uid
    HAVING count(*) > 1
    ORDER BY derivatives DESC, root_id, f.root_uid
    LIMIT $n
),
bench AS (
    SELECT id, list(DISTINCT lower(benchmark) ORDER BY lower(benchmark)) AS benchmarks
    FROM fact_models__evaluations
    WHERE week = $week AND status = 'parsed' AND benchmark IS NOT NULL
    GROUP BY id
),
members AS (
    SELECT
        t.root_uid,
        f.depth,
        coalesce(b.benchmarks, []) AS benchmarks
    FROM top AS t
    JOIN f USING (root_uid)
    LEFT JOIN lineage_labels AS l ON l.week = $week AND l.uid = f.node_uid
    LEFT JOIN bench AS b ON b.id = l.id
),
roots AS (
    SELECT root_uid, benchmarks AS root_benchmarks FROM members WHERE depth = 0
),
compared AS (
    SELECT
        m.root_uid,
        m.benchmarks,
        r.root_benchmarks,
        len(list_intersect(m.benchmarks, r.root_benchmarks)) AS shared,
        len(list_distinct(list_concat(m.benchmarks, r.root_benchmarks))) AS union_size
    FROM members AS m
    JOIN roots AS r USING (root_uid)
    WHERE m.depth > 0
)
SELECT
    t.root_id,
    CAST(t.derivatives AS BIGINT) AS derivatives,
    CAST(len(any_value(c.root_benchmarks)) AS BIGINT) AS root_benchmarks,
    CAST(count(*) FILTER (WHERE len(c.benchmarks) > 0) AS BIGINT) AS reporting,
    CAST(count(*) FILTER (WHERE c.shared > 0) AS BIGINT) AS sharing,
    CAST(count(*) FILTER (WHERE len(c.benchmarks) > 0 AND c.shared = len(c.benchmarks)
        AND c.shared = len(c.root_benchmarks)) AS BIGINT) AS same_set,
    avg(c.shared / c.union_size) FILTER (WHERE len(c.benchmarks) > 0) AS mean_jaccard
FROM top AS t
JOIN compared AS c USING (root_uid)
GROUP BY t.root_uid, t.root_id, t.derivatives
ORDER BY t.derivatives DESC, t.root_id, t.root_uid

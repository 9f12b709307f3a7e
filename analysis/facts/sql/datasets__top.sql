-- reads seeds: benchmarks
-- The 200 most downloaded datasets of each week (read by analysis/datasets), with whether each looks
-- like an evaluation benchmark. Ties on downloads are broken by id so the list is deterministic.
-- Benchmark rule (any of):
--   tag:  a tag whose text after the last ':' is benchmark, benchmarks, evaluation, eval or
--         leaderboard (lower-cased);
--   name: the repo name (after 'owner/') contains 'eval' or 'bench';
--   known: the repo name is one of the well-known benchmarks of analysis/seeds/benchmarks.csv.
WITH d AS (
    SELECT
        week,
        _id,
        id,
        author,
        downloads,
        likes,
        "createdAt" AS created,
        lower(CASE WHEN contains(id, '/') THEN split_part(id, '/', 2) ELSE id END) AS name,
        list_transform(coalesce(tags, []), lambda t: lower(regexp_extract(t, '[^:]*$'))) AS words
    FROM datasets
    WHERE downloads IS NOT NULL
),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY week ORDER BY downloads DESC, id) AS rank
    FROM d
)
SELECT
    week,
    CAST(rank AS INTEGER) AS rank,
    _id,
    id,
    author,
    downloads,
    likes,
    created,
    list_has_any(words, ['benchmark', 'benchmarks', 'evaluation', 'eval', 'leaderboard']) AS benchmark_tag,
    regexp_matches(name, 'eval|bench') AS benchmark_name,
    name IN (SELECT name FROM seed_benchmarks) AS benchmark_known
FROM ranked
WHERE rank <= 200

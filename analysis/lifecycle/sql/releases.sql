-- Releases and their generations in week $week (reads lineage_families, lineage_labels).
-- A release: a family root on the Hub (no base model; not a cycle) with at least $min_derivatives
-- derivatives over its whole tree. Its line: author + the leading letters of its name, lower-cased
-- ('Lumen-3-8B' -> 'lumen', 'SmolLM3-3B' -> 'smollm'; a name starting otherwise: the whole name).
-- A generation: releases of one line created at most $gap_days after the previous one
-- (Lumen-3-8B and Lumen-3-70B released together); the successor of generation g is g + 1.
CREATE OR REPLACE TEMP TABLE lifecycle_releases AS
WITH
roots AS (
    SELECT root_uid AS uid, count(*) - 1 AS derivatives
    FROM lineage_families
    WHERE week = $week AND root_kind = 'root'
    GROUP BY ALL
),
r AS (
    SELECT
        l.uid,
        l.id,
        l.author,
        l.created,
        r.derivatives,
        regexp_replace(l.id, '^[^/]*/', '') AS name
    FROM roots r
    JOIN lineage_labels l ON l.week = $week AND l.uid = r.uid AND l.on_hub
    WHERE r.derivatives >= $min_derivatives AND l.created IS NOT NULL
),
lined AS (
    SELECT
        *,
        coalesce(author, '') || '/' || lower(coalesce(nullif(regexp_extract(name, '^[A-Za-z]+'), ''), name)) AS line
    FROM r
),
g AS (
    SELECT
        *,
        CASE
            WHEN lag(created) OVER w IS NULL THEN 1
            WHEN created - lag(created) OVER w > to_days(CAST($gap_days AS INTEGER)) THEN 1
            ELSE 0
        END AS starts
    FROM lined
    WINDOW w AS (PARTITION BY line ORDER BY created, id)
),
gen AS (
    SELECT *, sum(starts) OVER (PARTITION BY line ORDER BY created, id ROWS UNBOUNDED PRECEDING) AS generation
    FROM g
),
starts AS (SELECT line, generation, min(created) AS generation_start FROM gen GROUP BY ALL),
counts AS (SELECT line, max(generation) AS n_generations FROM gen GROUP BY line)
SELECT
    gen.line,
    gen.author,
    CAST(gen.generation AS INTEGER) AS generation,
    gen.uid AS release_uid,
    gen.id AS release_id,
    gen.created AS release_created,
    s.generation_start,
    nx.generation_start AS successor_start,
    CAST(c.n_generations AS INTEGER) AS n_generations,
    CAST(gen.derivatives AS BIGINT) AS derivatives
FROM gen
JOIN starts s ON s.line = gen.line AND s.generation = gen.generation
LEFT JOIN starts nx ON nx.line = gen.line AND nx.generation = gen.generation + 1
JOIN counts c ON c.line = gen.line

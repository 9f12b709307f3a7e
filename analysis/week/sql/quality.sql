-- The row checks of week $week, one row per kind and check (the facts <kind>__quality, which
-- count the raw rows the snapshot views clean or keep out): rows of the kind's file, and the
-- rows the check found (NULL where the check does not apply to the kind).
WITH q AS (
    SELECT 'models' AS kind, * FROM fact_models__quality WHERE week = $week
    UNION ALL BY NAME
    SELECT 'datasets' AS kind, * FROM fact_datasets__quality WHERE week = $week
    UNION ALL BY NAME
    SELECT 'spaces' AS kind, * FROM fact_spaces__quality WHERE week = $week
),
long AS (
    SELECT kind, week, rows, check_name, found
    FROM q UNPIVOT INCLUDE NULLS (found FOR check_name IN (
        duplicate_ids, null_or_empty_ids, null_authors, negative_downloads, negative_likes,
        placeholder_created, created_after_week, self_links
    ))
)
SELECT
    kind,
    week,
    check_name AS "check",
    CAST(rows AS BIGINT) AS rows,
    CAST(found AS BIGINT) AS found,
    CASE WHEN rows > 0 THEN CAST(found AS DOUBLE) / rows END AS share
FROM long
ORDER BY
    CASE kind WHEN 'models' THEN 1 WHEN 'datasets' THEN 2 ELSE 3 END,
    "check"

-- The $n repositories of kind $kind created during week $week with the most $by (downloads or
-- likes), from fact_<kind>__created_top (which keeps the 50 first by each measure).
WITH f AS (
    SELECT 'models' AS kind, * FROM fact_models__created_top
    UNION ALL BY NAME
    SELECT 'datasets' AS kind, * FROM fact_datasets__created_top
)
SELECT
    CASE WHEN $by = 'downloads' THEN rank_downloads ELSE rank_likes END AS rank,
    id,
    author,
    created,
    downloads,
    likes
FROM f
WHERE kind = $kind AND week = $week
    AND (CASE WHEN $by = 'downloads' THEN rank_downloads ELSE rank_likes END) <= $n
ORDER BY rank

-- The foundational datasets of week $week by two measures, with the kind and country of their
-- owner (temp table org_map; 'unmapped' when absent; '(no owner in id)' for legacy ids without
-- an owner part): 'most downloaded' = the $n most downloaded datasets; 'most used by models' =
-- the $n datasets named by the most models (`dataset:` tags, fact models__dataset_refs).
WITH picked AS (
    SELECT 'most downloaded' AS basis, rank, id AS dataset_id, downloads AS value
    FROM fact_datasets__top
    WHERE week = $week AND rank <= $n
    UNION ALL
    SELECT 'most used by models' AS basis, rank, dataset_id, models AS value
    FROM fact_models__dataset_refs
    WHERE week = $week AND rank <= $n
)
SELECT
    p.basis,
    p.rank,
    p.dataset_id,
    p.value,
    CASE WHEN contains(p.dataset_id, '/') THEN split_part(p.dataset_id, '/', 1) END AS owner,
    CASE
        WHEN NOT contains(p.dataset_id, '/') THEN '(no owner in id)'
        ELSE coalesce(m.kind, 'unmapped')
    END AS org_kind,
    CASE
        WHEN NOT contains(p.dataset_id, '/') THEN '(no owner in id)'
        ELSE coalesce(m.country, 'unmapped')
    END AS country
FROM picked AS p
LEFT JOIN org_map AS m
    ON contains(p.dataset_id, '/') AND lower(m.org) = lower(split_part(p.dataset_id, '/', 1))
ORDER BY p.basis, p.rank

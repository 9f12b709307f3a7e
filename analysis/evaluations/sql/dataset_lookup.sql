-- The datasets of week $ds_week whose id, lower-cased, is one of $keys (the snapshot view
-- `datasets`): key (the lower-cased id), dataset_id, 30-day downloads and likes.
SELECT
    lower(id) AS key,
    min(id) AS dataset_id,
    max(downloads) AS downloads,
    max(likes) AS likes
FROM datasets
WHERE week = $ds_week AND list_contains($keys, lower(id))
GROUP BY lower(id)
ORDER BY key

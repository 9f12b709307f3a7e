-- What the search index holds of the models $ids of week $week (sql/models_top.sql chose them).
SELECT
    id,
    author,
    pipeline_tag,
    library_name,
    tags,
    cardData AS card,
    safetensors.total AS params,
    coalesce(downloads, 0) AS downloads,
    coalesce(likes, 0) AS likes,
    CAST(createdAt AS DATE) AS created
FROM models
WHERE week = $week AND id IN (SELECT unnest($ids))

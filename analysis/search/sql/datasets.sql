-- What the search index holds of the datasets $ids of week $week (sql/datasets_top.sql chose them).
SELECT
    id,
    author,
    CAST(NULL AS VARCHAR) AS pipeline_tag,
    CAST(NULL AS VARCHAR) AS library_name,
    tags,
    cardData AS card,
    CAST(NULL AS BIGINT) AS params,
    coalesce(downloads, 0) AS downloads,
    coalesce(likes, 0) AS likes,
    CAST(createdAt AS DATE) AS created
FROM datasets
WHERE week = $week AND id IN (SELECT unnest($ids))

-- The most downloaded models of one week (ties by id), with what the search index holds.
-- $week: the week; $n: how many. week_rows: all rows of that week (the rest are counted, not kept).
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
    CAST(createdAt AS DATE) AS created,
    count(*) OVER () AS week_rows
FROM models
WHERE week = $week
ORDER BY downloads DESC NULLS LAST, id
LIMIT $n

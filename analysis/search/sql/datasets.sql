-- The most downloaded datasets of one week (ties by id), with what the search index holds.
-- $week: the week; $n: how many. week_rows: all rows of that week (the rest are counted, not kept).
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
    CAST(createdAt AS DATE) AS created,
    count(*) OVER () AS week_rows
FROM datasets
WHERE week = $week
ORDER BY downloads DESC NULLS LAST, id
LIMIT $n

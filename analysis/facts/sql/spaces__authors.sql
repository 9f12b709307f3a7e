-- Per week and author (read by analysis/growth, organizations and explorers): spaces held, created and modified this week, likes.
-- Spaces have no download count: downloads is a typed NULL.
SELECT
    week,
    author,
    count(*) AS repos,
    count(*) FILTER (WHERE "createdAt" >= week AND "createdAt" < week + INTERVAL 7 DAY) AS created_week,
    count(*) FILTER (WHERE "lastModified" >= week AND "lastModified" < week + INTERVAL 7 DAY) AS modified_week,
    CAST(NULL AS BIGINT) AS downloads,
    CAST(sum(likes) AS BIGINT) AS likes
FROM spaces
GROUP BY week, author

-- Per week and author (read by analysis/growth, organizations and explorers): repos held, created and modified this week,
-- downloads (30-day window) and likes summed over the author's repos.
SELECT
    week,
    author,
    count(*) AS repos,
    count(*) FILTER (WHERE "createdAt" >= week AND "createdAt" < week + INTERVAL 7 DAY) AS created_week,
    count(*) FILTER (WHERE "lastModified" >= week AND "lastModified" < week + INTERVAL 7 DAY) AS modified_week,
    CAST(sum(downloads) AS BIGINT) AS downloads,
    CAST(sum(likes) AS BIGINT) AS likes
FROM models
GROUP BY week, author

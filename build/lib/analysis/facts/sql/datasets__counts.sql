-- One row per week: datasets listed, datasets created during the week (createdAt in
-- [label, label + 7 days)), distinct authors, totals of 30-day downloads and likes.
SELECT
    week,
    count(*) AS datasets,
    count(*) FILTER (WHERE createdAt >= week AND createdAt < week + INTERVAL 7 DAY) AS created_this_week,
    count(DISTINCT author) AS authors,
    sum(downloads) AS downloads_30d,
    sum(likes) AS likes
FROM datasets
GROUP BY week

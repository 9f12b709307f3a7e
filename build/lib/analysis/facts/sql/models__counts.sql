-- One row per week: models listed in the week's file, models created during the week
-- (createdAt in [label, label + 7 days); the file describes the end of that week), distinct
-- authors, totals of 30-day downloads and likes, models with zero 30-day downloads and models
-- with a non-empty model card header.
SELECT
    week,
    count(*) AS models,
    count(*) FILTER (WHERE createdAt >= week AND createdAt < week + INTERVAL 7 DAY) AS created_this_week,
    count(DISTINCT author) AS authors,
    sum(downloads) AS downloads_30d,
    sum(likes) AS likes,
    count(*) FILTER (WHERE downloads = 0) AS zero_downloads,
    count(*) FILTER (WHERE cardData IS NOT NULL AND cardData NOT IN ('', '{}')) AS with_card
FROM models
GROUP BY week

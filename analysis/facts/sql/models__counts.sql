-- One row per week: models listed in the week's file, models created during the week
-- (createdAt in [label, label + 7 days); the file describes the end of that week), distinct
-- authors, totals of 30-day downloads and likes, and models with zero 30-day downloads.
-- Only the fact models__evaluations reads cardData: it is most of a models file's bytes (about
-- 85 % of the benchmark week); a measure of card contents belongs in a fact of its own, so
-- that its cost shows in benchmarks/.
SELECT
    week,
    count(*) AS models,
    count(*) FILTER (WHERE createdAt >= week AND createdAt < week + INTERVAL 7 DAY) AS created_this_week,
    count(DISTINCT author) AS authors,
    sum(downloads) AS downloads_30d,
    sum(likes) AS likes,
    count(*) FILTER (WHERE downloads = 0) AS zero_downloads
FROM models
GROUP BY week

-- Repos of spaces created per day, counted in each week's file over the 14 days
-- [week - 7 days, week + 7 days) (read by analysis/growth). The extra earlier week lets the metric
-- recover creations of a repeated (stale) week from the following week's file.
SELECT
    week,
    CAST("createdAt" AS DATE) AS day,
    count(*) AS created
FROM spaces
WHERE "createdAt" >= week - INTERVAL 7 DAY AND "createdAt" < week + INTERVAL 7 DAY
GROUP BY week, CAST("createdAt" AS DATE)

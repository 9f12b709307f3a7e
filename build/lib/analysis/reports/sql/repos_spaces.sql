-- Repositories of kind spaces in the chosen weeks: how many exist (rows of the week's file) and how
-- many were created during the week. A label W's file is the last copy taken before W + 7 days,
-- so "created during week W" means createdAt in [W, W + 7 days). createdAt is UTC without zone.
-- Rows whose createdAt is NULL are counted in repos and reported in created_unknown.
SELECT
    week,
    count(*) AS repos,
    count(*) FILTER (
        WHERE createdAt >= CAST(week AS TIMESTAMP)
          AND createdAt < CAST(week AS TIMESTAMP) + INTERVAL 7 DAY
    ) AS created_in_week,
    count(*) FILTER (WHERE createdAt IS NULL) AS created_unknown
FROM spaces
WHERE week >= CAST($first AS DATE) AND week <= CAST($last AS DATE)
GROUP BY week
ORDER BY week

-- One row per week and sdk: spaces listed, spaces created during the week (createdAt in
-- [label, label + 7 days)), likes.
SELECT
    week,
    sdk,
    count(*) AS spaces,
    count(*) FILTER (WHERE createdAt >= week AND createdAt < week + INTERVAL 7 DAY) AS created_this_week,
    sum(likes) AS likes
FROM spaces
GROUP BY week, sdk

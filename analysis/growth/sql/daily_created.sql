-- Temp table growth_daily: for every (kind, day) inside an observed week, the repos created that
-- day as counted in the file chosen by growth_observed.created_from (NULL: not observed). When two
-- observed weeks cover the same day (labels off the 7-day grid) the earlier week's row is kept.
CREATE OR REPLACE TEMP TABLE growth_daily AS
WITH days AS (
    SELECT
        kind,
        week,
        created_from,
        CAST(unnest(range(CAST(week AS TIMESTAMP), CAST(week AS TIMESTAMP) + INTERVAL 7 DAY, INTERVAL 1 DAY)) AS DATE) AS day
    FROM growth_observed
)
SELECT
    days.kind,
    days.week,
    days.day,
    days.created_from,
    CASE WHEN days.created_from IS NOT NULL THEN coalesce(daily.created, 0) END AS created
FROM days
LEFT JOIN fact_created_daily AS daily ON daily.kind = days.kind AND daily.week = days.created_from AND daily.day = days.day
QUALIFY row_number() OVER (PARTITION BY days.kind, days.day ORDER BY days.week) = 1

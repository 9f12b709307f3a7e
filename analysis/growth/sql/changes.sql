-- Per kind with a file in week $week, and per lag in $lags (weeks): repositories in $week minus
-- those in the week labelled $week - 7 * lag days (reads growth_observed). change is NULL when
-- $week repeats the week before (not a new observation) or when the earlier week is not in
-- the data (base_present false); base_is_repeat says the earlier week's file repeats the one
-- before it (its count is then that earlier state's). change_share: change over base_repos.
WITH cur AS (
    SELECT kind, week, repos, repeat_of IS NOT NULL AS is_repeat
    FROM growth_observed
    WHERE week = $week
),
lags AS (
    SELECT CAST(unnest($lags) AS INTEGER) AS lag
),
want AS (
    SELECT c.*, l.lag, CAST(c.week - to_days(7 * l.lag) AS DATE) AS base_week
    FROM cur AS c
    CROSS JOIN lags AS l
)
SELECT
    w.kind,
    w.week,
    w.lag,
    w.base_week,
    w.repos,
    w.is_repeat,
    b.week IS NOT NULL AS base_present,
    b.repos AS base_repos,
    coalesce(b.repeat_of IS NOT NULL, false) AS base_is_repeat,
    CASE WHEN NOT w.is_repeat AND b.week IS NOT NULL THEN w.repos - b.repos END AS change,
    CASE
        WHEN NOT w.is_repeat AND b.week IS NOT NULL AND b.repos > 0
        THEN (w.repos - b.repos) / b.repos
    END AS change_share
FROM want AS w
LEFT JOIN growth_observed AS b ON b.kind = w.kind AND b.week = w.base_week
ORDER BY w.kind, w.lag

-- Repos created per kind and calendar month, summed over the observed days of the month whose
-- week lies in [$start, $end]. complete: every day of the month was observed.
SELECT
    kind,
    CAST(date_trunc('month', day) AS DATE) AS month,
    CAST(sum(created) AS BIGINT) AS created,
    count(created) AS days_observed,
    CAST(datediff('day', date_trunc('month', day), date_trunc('month', day) + INTERVAL 1 MONTH) AS BIGINT) AS days_in_month,
    count(created) = datediff('day', date_trunc('month', day), date_trunc('month', day) + INTERVAL 1 MONTH) AS complete
FROM growth_daily
WHERE ($start IS NULL OR week >= $start) AND ($end IS NULL OR week <= $end)
GROUP BY kind, date_trunc('month', day)
ORDER BY kind, month

-- Nomadic or persistent, per line, in week $week. The transition examined is the latest successor
-- generation S whose window [S's release + $n_weeks weeks, + $window_weeks weeks) ended by the end
-- of snapshot week $week. In that window, each new derivative of the line counts once:
-- to the newer generations (descends from S or later) or, if not, to the older ones.
-- old_share = older / all. persistent when old_share >= $threshold, else nomadic.
-- rate_before: older generations' new derivatives per week in the $window_weeks weeks before S's
-- release; rate_after: the same in the window; decay = 1 - rate_after / rate_before.
WITH
gens AS (SELECT DISTINCT line, generation, generation_start, n_generations FROM lifecycle_releases),
lines AS (SELECT line, any_value(n_generations) AS n_generations FROM gens GROUP BY line),
trans AS (
    SELECT
        line,
        generation AS successor,
        generation_start AS successor_start,
        generation_start + to_days(CAST(7 * $n_weeks AS INTEGER)) AS win_start,
        generation_start + to_days(CAST(7 * ($n_weeks + $window_weeks) AS INTEGER)) AS win_end
    FROM gens
    WHERE generation >= 2
),
complete AS (
    SELECT * FROM trans WHERE win_end <= CAST($week AS TIMESTAMP) + INTERVAL 7 DAY
),
chosen AS (
    SELECT c.* FROM complete c
    JOIN (SELECT line, max(successor) AS successor FROM complete GROUP BY line) m USING (line, successor)
),
window_kids AS (
    SELECT
        c.line,
        d.node_uid,
        bool_or(d.generation >= c.successor) AS to_new,
        bool_or(d.generation < c.successor) AS to_old
    FROM chosen c
    JOIN lifecycle_descendants d ON d.line = c.line AND d.created >= c.win_start AND d.created < c.win_end
    GROUP BY ALL
),
window_counts AS (
    SELECT
        line,
        count(*) AS n_window,
        count(*) FILTER (WHERE to_old AND NOT to_new) AS n_old,
        count(*) FILTER (WHERE to_old) AS n_old_any
    FROM window_kids
    GROUP BY line
),
before_counts AS (
    SELECT c.line, count(DISTINCT d.node_uid) AS n_before
    FROM chosen c
    JOIN lifecycle_descendants d
        ON d.line = c.line
        AND d.generation < c.successor
        AND d.created >= c.successor_start - to_days(CAST(7 * $window_weeks AS INTEGER))
        AND d.created < c.successor_start
    GROUP BY c.line
)
SELECT
    l.line,
    l.n_generations,
    c.successor AS successor_generation,
    c.successor_start,
    c.win_start AS window_start,
    c.win_end AS window_end,
    CAST(coalesce(w.n_window, 0) AS BIGINT) AS window_derivatives,
    CAST(coalesce(w.n_old, 0) AS BIGINT) AS window_to_older,
    CASE WHEN coalesce(w.n_window, 0) > 0 THEN w.n_old / w.n_window END AS old_share,
    CASE WHEN c.line IS NOT NULL THEN coalesce(b.n_before, 0) / $window_weeks END AS rate_before,
    CASE WHEN c.line IS NOT NULL THEN coalesce(w.n_old_any, 0) / $window_weeks END AS rate_after,
    CASE WHEN coalesce(b.n_before, 0) > 0
        THEN 1 - coalesce(w.n_old_any, 0) / b.n_before END AS decay,
    CASE
        WHEN l.n_generations < 2 THEN 'single release'
        WHEN c.line IS NULL THEN 'too recent'
        WHEN coalesce(w.n_window, 0) = 0 THEN 'no activity'
        WHEN w.n_old / w.n_window >= $threshold THEN 'persistent'
        ELSE 'nomadic'
    END AS pattern
FROM lines l
LEFT JOIN chosen c USING (line)
LEFT JOIN window_counts w USING (line)
LEFT JOIN before_counts b USING (line)
ORDER BY l.line

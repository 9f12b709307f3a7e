-- New derivatives per generation per calendar week (Monday start), zero weeks included, from the
-- generation's release week to the week holding snapshot week $week. share_of_line: share of
-- the line's new derivatives that week (each counted once) going to this generation;
-- is_newest: this generation is the newest of its line released by the end of that week.
WITH
gens AS (
    SELECT DISTINCT line, generation, generation_start, successor_start, n_generations
    FROM lifecycle_releases
),
grid AS (
    SELECT g.*, unnest(generate_series(
        date_trunc('week', g.generation_start),
        date_trunc('week', CAST($week AS TIMESTAMP)),
        INTERVAL 7 DAY
    )) AS week_start
    FROM gens g
),
binned AS (
    SELECT line, generation, date_trunc('week', created) AS week_start, count(*) AS n
    FROM lifecycle_descendants
    GROUP BY ALL
),
line_week AS (
    SELECT line, date_trunc('week', created) AS week_start, count(DISTINCT node_uid) AS n
    FROM lifecycle_descendants
    GROUP BY ALL
),
newest AS (
    SELECT gr.line, gr.week_start, max(g.generation) AS generation
    FROM (SELECT DISTINCT line, week_start FROM grid) gr
    JOIN gens g ON g.line = gr.line AND g.generation_start < gr.week_start + INTERVAL 7 DAY
    GROUP BY ALL
)
SELECT
    gr.line,
    gr.generation,
    CAST(gr.week_start AS DATE) AS week_start,
    CAST(floor(date_diff('day', date_trunc('week', gr.generation_start), gr.week_start) / 7) AS INTEGER)
        AS weeks_since_release,
    CASE WHEN gr.successor_start IS NOT NULL AND gr.week_start >= date_trunc('week', gr.successor_start)
        THEN CAST(floor(date_diff('day', date_trunc('week', gr.successor_start), gr.week_start) / 7) AS INTEGER)
    END AS weeks_since_successor,
    CAST(coalesce(b.n, 0) AS BIGINT) AS new_derivatives,
    CAST(coalesce(lw.n, 0) AS BIGINT) AS line_new_derivatives,
    CASE WHEN coalesce(lw.n, 0) > 0 THEN coalesce(b.n, 0) / lw.n END AS share_of_line,
    gr.generation = nw.generation AS is_newest
FROM grid gr
LEFT JOIN binned b ON b.line = gr.line AND b.generation = gr.generation AND b.week_start = gr.week_start
LEFT JOIN line_week lw ON lw.line = gr.line AND lw.week_start = gr.week_start
LEFT JOIN newest nw ON nw.line = gr.line AND nw.week_start = gr.week_start
ORDER BY gr.line, gr.generation, gr.week_start

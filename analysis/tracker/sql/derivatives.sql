-- Derivatives of base model $uid in snapshot week $week, by week after its release.
-- $scope: 'direct' (models naming it as a base) or 'tree' (all descendants).
-- $by: 'relation' (the derivative's own relation) or 'author' (the $top authors with the most
-- derivatives; the rest as 'other'). A derivative is dated by createdAt, no earlier than the
-- release; week k covers [release + 7k days, release + 7(k+1) days). Zero weeks are included up
-- to the end of snapshot week $week.
WITH
base AS (SELECT uid, created FROM lineage_labels WHERE week = $week AND uid = $uid AND created IS NOT NULL),
kids AS (
    SELECT DISTINCT a.node_uid
    FROM lineage_ancestry a
    WHERE a.week = $week AND a.ancestor_uid = $uid AND a.node_uid <> a.ancestor_uid
      AND ($scope = 'tree' OR a.depth = 1)
),
dated AS (
    SELECT
        k.node_uid,
        coalesce(l.relation, 'unknown') AS relation,
        coalesce(l.author, '(unknown)') AS author,
        CAST(floor(date_diff('second', b.created, greatest(l.created, b.created)) / 604800) AS INTEGER) AS k
    FROM kids k
    JOIN lineage_labels l ON l.week = $week AND l.uid = k.node_uid
    CROSS JOIN base b
    WHERE l.created IS NOT NULL
),
author_rank AS (
    SELECT author, row_number() OVER (ORDER BY count(*) DESC, author) AS rnk
    FROM dated
    GROUP BY author
),
grouped AS (
    SELECT
        d.k,
        CASE
            WHEN $by = 'relation' THEN d.relation
            WHEN r.rnk <= $top THEN d.author
            ELSE 'other'
        END AS grp
    FROM dated d
    JOIN author_rank r USING (author)
),
horizon AS (
    SELECT CAST(floor(date_diff('second', b.created, CAST($week AS TIMESTAMP) + INTERVAL 7 DAY) / 604800) AS INTEGER) AS last_k
    FROM base b
),
grid AS (
    SELECT g.grp, unnest(range(0, greatest((SELECT last_k FROM horizon), (SELECT max(k) FROM grouped)) + 1)) AS k
    FROM (SELECT DISTINCT grp FROM grouped) g
),
counts AS (SELECT grp, k, count(*) AS n FROM grouped GROUP BY ALL)
SELECT
    CAST(g.k AS INTEGER) AS weeks_since_release,
    CAST((SELECT created FROM base) + to_days(CAST(7 * g.k AS INTEGER)) AS DATE) AS week_start,
    g.grp AS "group",
    CAST(coalesce(c.n, 0) AS BIGINT) AS new_derivatives,
    CAST(sum(coalesce(c.n, 0)) OVER (PARTITION BY g.grp ORDER BY g.k) AS BIGINT) AS cumulative
FROM grid g
LEFT JOIN counts c USING (grp, k)
ORDER BY g.k, g.grp

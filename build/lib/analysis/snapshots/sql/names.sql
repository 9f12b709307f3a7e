-- Follow renamed repos across weeks. The stable id of a row is its `_id`; a row from a week
-- whose file lacks `_id` takes the `_id` its `id` has in the nearest later week that has one
-- (else the nearest earlier), else 'id:' || id. One row per (stable_id, week, id), with the
-- latest id of the stable id and how many distinct ids it had over the weeks read.
WITH src AS (
    SELECT _id, id, week FROM query_table($kind) WHERE id IS NOT NULL OR _id IS NOT NULL
),
known AS (
    SELECT id, week, min(_id) AS _id FROM src WHERE _id IS NOT NULL GROUP BY id, week
),
unresolved AS (
    SELECT DISTINCT id, week FROM src WHERE _id IS NULL
),
later AS (
    SELECT u.id, u.week, k._id
    FROM unresolved u ASOF LEFT JOIN known k ON u.id = k.id AND u.week <= k.week
),
earlier AS (
    SELECT u.id, u.week, k._id
    FROM unresolved u ASOF LEFT JOIN known k ON u.id = k.id AND u.week >= k.week
),
resolved AS (
    SELECT DISTINCT
        coalesce(s._id, l._id, e._id, 'id:' || s.id) AS stable_id,
        s.week,
        s.id,
        s._id IS NULL AS id_inferred
    FROM src s
    LEFT JOIN later l ON s._id IS NULL AND l.id = s.id AND l.week = s.week
    LEFT JOIN earlier e ON s._id IS NULL AND e.id = s.id AND e.week = s.week
),
per_stable AS (
    SELECT
        stable_id,
        arg_max(id, week) AS latest_id,
        count(DISTINCT id) AS n_ids
    FROM resolved
    GROUP BY stable_id
)
SELECT r.stable_id, r.week, r.id, p.latest_id, p.n_ids > 1 AS renamed, r.id_inferred
FROM resolved r JOIN per_stable p USING (stable_id)
ORDER BY r.stable_id, r.week, r.id

-- Resolve every declared parent of fact_models__edges in week $week to a model of that week.
-- Only week $week's rows of the per-model facts are read (the week filter is pushed into the
-- scan of the cached fact files).
-- Order: (1) the parent's _id given in baseModels names a model of that week ('_id');
-- (2) a model of that week has the declared id ('id'); (3) rename: the declared id belonged, in an
-- earlier week, to an _id that a model of this week has (the latest such earlier week wins)
-- ('renamed'); the earlier names come from the compact fact fact_models__parent_names (ids that
-- were named as a base model in their week), looked up only for the ids left after (1) and (2);
-- (4) otherwise the parent is not in the week (deleted, private, mistyped):
-- it is kept as a node keyed 'id:' || declared id ('unresolved'), never dropped.
-- is_self marks a model naming itself as its base (such links are ignored when walking trees).
CREATE OR REPLACE TEMP TABLE lineage_edges_week AS
WITH
e AS (SELECT * FROM fact_models__edges WHERE week = $week),
n AS (
    SELECT week, uid, _id, id, author, created, licence
    FROM fact_models__lineage_nodes
    WHERE week = $week
),
by_uid AS (
    SELECT e.week, e.child_uid, e.parent_pos, n.uid
    FROM e JOIN n ON n.week = e.week AND n._id = e.parent__id
),
by_id AS (
    SELECT e.week, e.child_uid, e.parent_pos, min(n.uid) AS uid
    FROM e JOIN n ON n.week = e.week AND n.id = e.parent_id
    GROUP BY ALL
),
leftover AS (
    -- declared ids resolved neither by _id nor by id in this week
    SELECT DISTINCT e.parent_id
    FROM e
    WHERE e.parent_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM n c WHERE c.id = e.parent_id)
      AND NOT EXISTS (SELECT 1 FROM n c WHERE e.parent__id IS NOT NULL AND c._id = e.parent__id)
),
old_names AS (
    -- for each leftover id: the _id it had most recently before this week
    SELECT CAST($week AS DATE) AS week, o.id AS parent_id, arg_max(o._id, o.week) AS old__id
    FROM fact_models__parent_names o
    WHERE o.week < $week AND o.id IN (SELECT parent_id FROM leftover) AND o._id IS NOT NULL
    GROUP BY ALL
),
by_rename AS (
    SELECT e.week, e.child_uid, e.parent_pos, n.uid
    FROM e
    JOIN old_names o ON o.week = e.week AND o.parent_id = e.parent_id
    JOIN n ON n.week = e.week AND n._id = o.old__id
),
resolved AS (
    SELECT
        e.*,
        CASE
            WHEN u.uid IS NOT NULL THEN '_id'
            WHEN i.uid IS NOT NULL THEN 'id'
            WHEN r.uid IS NOT NULL THEN 'renamed'
            ELSE 'unresolved'
        END AS resolution,
        coalesce(u.uid, i.uid, r.uid, 'id:' || coalesce(e.parent_id, e.parent__id)) AS parent_uid
    FROM e
    LEFT JOIN by_uid u USING (week, child_uid, parent_pos)
    LEFT JOIN by_id i USING (week, child_uid, parent_pos)
    LEFT JOIN by_rename r USING (week, child_uid, parent_pos)
)
SELECT
    r.week,
    r.child_uid,
    r.child_id,
    r.child_author,
    r.child_created,
    r.child_licence,
    r.relation,
    r.n_parents,
    r.parent_pos,
    r.parent_id AS parent_ref_id,
    r.parent_uid,
    coalesce(p.id, r.parent_id) AS parent_id,
    p.author AS parent_author,
    p.created AS parent_created,
    p.licence AS parent_licence,
    r.resolution,
    r.parent_uid = r.child_uid AS is_self,
    r.source
FROM resolved r
LEFT JOIN n p ON p.week = r.week AND p.uid = r.parent_uid

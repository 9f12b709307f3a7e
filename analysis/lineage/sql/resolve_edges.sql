-- Resolve every declared parent of fact_models__edges in week $week to a model of that week.
-- Only week $week's rows of the per-model facts are read (the week filter is pushed into the
-- scan of the cached fact files).
-- Order: (1) the parent's _id given in baseModels names a model of that week ('_id');
-- (2) a model of that week has the declared id ('id') -- steps (1) and (2) are done once, in the
-- weekly reduction: fact_models__week_links; (3) rename: the declared id belonged, in an
-- earlier week, to an _id that a model of this week has (the latest such earlier week wins)
-- ('renamed'); the earlier names come from the compact fact fact_models__parent_names (ids that
-- were named as a base model in their week), looked up only for the links left after (1) and (2);
-- (4) otherwise the parent is not in the week (deleted, private, mistyped):
-- it is kept as a node keyed 'id:' || declared id ('unresolved'), never dropped.
-- is_self marks a model naming itself as its base (such links are ignored when walking trees).
CREATE OR REPLACE TEMP TABLE lineage_edges_week AS
WITH
e AS (SELECT * FROM fact_models__edges WHERE week = $week),
k AS (
    SELECT week, child_uid, parent_pos, parent_uid, resolved_by
    FROM fact_models__week_links
    WHERE week = $week
),
n AS (
    SELECT week, uid, _id, id, author, created, licence
    FROM fact_models__lineage_nodes
    WHERE week = $week
),
ek AS (
    SELECT e.*, k.parent_uid AS week_parent_uid, k.resolved_by
    FROM e
    JOIN k USING (week, child_uid, parent_pos)
),
leftover AS (
    -- declared ids resolved neither by _id nor by id in this week
    SELECT DISTINCT parent_id FROM ek WHERE resolved_by IS NULL AND parent_id IS NOT NULL
),
old_names AS (
    -- for each leftover id: the _id it had most recently before this week
    SELECT CAST($week AS DATE) AS week, o.id AS parent_id, arg_max(o._id, o.week) AS old__id
    FROM fact_models__parent_names o
    WHERE o.week < $week AND o.id IN (SELECT parent_id FROM leftover) AND o._id IS NOT NULL
    GROUP BY ALL
),
by_rename AS (
    SELECT ek.week, ek.child_uid, ek.parent_pos, n.uid
    FROM ek
    JOIN old_names o ON o.week = ek.week AND o.parent_id = ek.parent_id
    JOIN n ON n.week = ek.week AND n._id = o.old__id
    WHERE ek.resolved_by IS NULL
),
resolved AS (
    SELECT
        ek.* EXCLUDE (week_parent_uid, resolved_by),
        coalesce(ek.resolved_by, CASE WHEN r.uid IS NOT NULL THEN 'renamed' ELSE 'unresolved' END) AS resolution,
        CASE WHEN ek.resolved_by IS NOT NULL THEN ek.week_parent_uid
             ELSE coalesce(r.uid, 'id:' || coalesce(ek.parent_id, ek.parent__id)) END AS parent_uid
    FROM ek
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

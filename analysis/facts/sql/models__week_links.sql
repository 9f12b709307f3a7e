-- reads facts: edges, lineage_nodes
-- Every lineage link of a week (models__edges) with its declared parent resolved WITHIN THE SAME
-- WEEK: the model whose _id is the one given in baseModels, else the model with the declared id
-- (the smallest key when several share it). Renames across weeks are not followed here: a parent
-- named only by an old id is not found, and stays a node keyed 'id:' || declared id. (The
-- one-week family trees of analysis/metrics/lineage.py also follow renames, through earlier
-- weeks' facts; the weekly reduction sees one week only.) Derived from the week's facts, never
-- from the file. `week` stays a key.
--   parent_uid     the parent's key (its _id, or 'id:' || id), or 'id:' || declared id when not found
--   parent_found   the parent is a model of the same week
--   resolved_by    '_id' or 'id' (which step found it), NULL when not found
--   parent_label   what to call the parent: its id in the week, else the declared id
--   child_licence, parent_licence   first `license:` tag, lower-cased (NULL: none declared)
WITH
n AS (SELECT week, uid, _id, id, licence FROM fact_models__lineage_nodes),
e AS (
    SELECT week, child_uid, child_licence, relation, parent_pos, parent__id, parent_id
    FROM fact_models__edges
),
by_uid AS (
    SELECT e.week, e.child_uid, e.parent_pos, any_value(n.uid) AS uid
    FROM e JOIN n ON n.week = e.week AND n._id = e.parent__id
    GROUP BY ALL
),
by_id AS (
    SELECT e.week, e.child_uid, e.parent_pos, min(n.uid) AS uid
    FROM e JOIN n ON n.week = e.week AND n.id = e.parent_id
    GROUP BY ALL
),
resolved AS (
    SELECT
        e.*,
        u.uid AS uid_by__id,
        coalesce(u.uid, i.uid) AS found_uid
    FROM e
    LEFT JOIN by_uid u USING (week, child_uid, parent_pos)
    LEFT JOIN by_id i USING (week, child_uid, parent_pos)
)
SELECT
    r.week,
    r.child_uid,
    CAST(r.parent_pos AS INTEGER) AS parent_pos,
    r.relation,
    coalesce(r.found_uid, 'id:' || coalesce(r.parent_id, r.parent__id)) AS parent_uid,
    r.found_uid IS NOT NULL AS parent_found,
    CASE WHEN r.uid_by__id IS NOT NULL THEN '_id' WHEN r.found_uid IS NOT NULL THEN 'id' END AS resolved_by,
    coalesce(p.id, r.parent_id, r.parent__id) AS parent_label,
    lower(r.child_licence) AS child_licence,
    lower(p.licence) AS parent_licence
FROM resolved r
LEFT JOIN n p ON p.week = r.week AND p.uid = r.found_uid

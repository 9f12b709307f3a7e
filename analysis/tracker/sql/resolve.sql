-- Candidates for a base model named $base_id in week $week: the model with that id now, or the
-- model that has the _id that id belonged to in an earlier week (a renamed base), or a parent
-- named by that id that is not on the Hub. match: 'id', 'renamed' or 'unresolved'.
WITH
now AS (SELECT uid, id, created FROM lineage_labels WHERE week = $week),
renamed AS (
    SELECT arg_max(_id, week) AS _id
    FROM fact_models__lineage_nodes
    WHERE id = $base_id AND week < $week AND _id IS NOT NULL
)
SELECT uid, id, created, CASE WHEN on_hub THEN 'id' ELSE 'unresolved' END AS match, 1 AS pref
FROM lineage_labels WHERE week = $week AND id = $base_id
UNION ALL
SELECT n.uid, n.id, n.created, 'renamed' AS match, 2 AS pref
FROM now n JOIN renamed r ON n.uid = r._id
ORDER BY pref, uid

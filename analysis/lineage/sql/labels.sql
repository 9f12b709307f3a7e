-- What to call each node of the lineage graph in week $week: models of the week, plus parents
-- named by id that are not in the week ('id:' || declared id; on_hub false).
CREATE OR REPLACE TEMP TABLE lineage_labels_week AS
SELECT week, uid, id, author, created, licence, relation, true AS on_hub
FROM fact_models__lineage_nodes
WHERE week = $week
UNION ALL
SELECT DISTINCT
    week,
    parent_uid AS uid,
    parent_ref_id AS id,
    CAST(NULL AS VARCHAR) AS author,
    CAST(NULL AS TIMESTAMP) AS created,
    CAST(NULL AS VARCHAR) AS licence,
    CAST(NULL AS VARCHAR) AS relation,
    false AS on_hub
FROM lineage_edges_week
WHERE resolution = 'unresolved'

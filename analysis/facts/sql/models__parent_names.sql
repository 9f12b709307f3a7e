-- reads facts: edges, lineage_nodes
-- Per week: the (id, _id) of every model of the week that a model of the same week names as a
-- base model BY ID (the week's links, models__edges: baseModels, or `base_model:<relation>:<id>`
-- tags when baseModels is NULL). A compact map of the names parents had, used to resolve a parent
-- declared under an old name in a later week (a rename) without reading every model of every
-- week: a few hundred thousand rows a week at full scale instead of 3 million. `week` stays a key.
SELECT DISTINCT n.week, n.id, n._id
FROM fact_models__lineage_nodes n
JOIN (SELECT DISTINCT week, parent_id FROM fact_models__edges WHERE parent_id IS NOT NULL) r
    ON r.week = n.week AND r.parent_id = n.id
WHERE n._id IS NOT NULL

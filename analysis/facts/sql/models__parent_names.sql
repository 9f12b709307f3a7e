-- Per week: the (id, _id) of every model of the week that a model of the same week names as a
-- base model BY ID (in baseModels, or in `base_model:<relation>:<id>` tags when baseModels is
-- NULL, as in models__edges). A compact map of the names parents had, used to resolve a parent
-- declared under an old name in a later week (a rename) without reading every model of every
-- week: a few hundred thousand rows a week at full scale instead of 3 million. `week` stays a key.
WITH refs AS (
    SELECT DISTINCT week, p.parent.id AS parent_id
    FROM models, unnest(baseModels.models) AS p(parent)
    WHERE baseModels IS NOT NULL
    UNION
    SELECT DISTINCT
        week,
        regexp_extract(t.tag, '^base_model:(finetune|quantized|adapter|merge):(.+)$', 2) AS parent_id
    FROM models, unnest(tags) AS t(tag)
    WHERE baseModels IS NULL
      AND regexp_matches(t.tag, '^base_model:(finetune|quantized|adapter|merge):.+$')
)
SELECT DISTINCT m.week, m.id, m._id
FROM models m
JOIN refs r ON r.week = m.week AND r.parent_id = m.id
WHERE m._id IS NOT NULL

-- Compact per-week direct-derivative counts per referenced parent id and relation, for history
-- charts that do not need every edge of every week. A merge child counts once under each parent.
-- Links come from baseModels, or from `base_model:<relation>:<id>` tags when baseModels is NULL
-- (as in models__edges). n_created: children created during the week
-- (createdAt in [week, week + 7 days)).
WITH from_struct AS (
    SELECT week, createdAt, lower(baseModels.relation) AS relation, p.parent.id AS parent_id
    FROM models, unnest(baseModels.models) AS p(parent)
    WHERE baseModels IS NOT NULL
),
from_tags AS (
    SELECT
        week,
        createdAt,
        regexp_extract(t.tag, '^base_model:([a-z]+):', 1) AS relation,
        regexp_extract(t.tag, '^base_model:[a-z]+:(.+)$', 1) AS parent_id
    FROM models, unnest(tags) AS t(tag)
    WHERE baseModels IS NULL
      AND regexp_matches(t.tag, '^base_model:(finetune|quantized|adapter|merge):.+$')
)
SELECT
    week,
    parent_id,
    relation,
    count(*) AS n_children,
    count(*) FILTER (WHERE createdAt >= week AND createdAt < week + INTERVAL 7 DAY) AS n_created
FROM (SELECT * FROM from_struct UNION ALL SELECT * FROM from_tags)
WHERE parent_id IS NOT NULL
GROUP BY ALL

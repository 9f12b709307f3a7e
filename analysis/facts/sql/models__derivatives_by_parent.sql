-- reads facts: edges
-- Compact per-week direct-derivative counts per referenced parent id and relation, for history
-- charts that do not need every edge of every week. A merge child counts once under each parent.
-- Derived from the week's links (models__edges: baseModels, or `base_model:<relation>:<id>` tags
-- when baseModels is NULL), so the file's tags are not parsed again. n_created: children created
-- during the week (createdAt in [week, week + 7 days)). Parents given only by _id are left out.
SELECT
    week,
    parent_id,
    relation,
    count(*) AS n_children,
    count(*) FILTER (WHERE child_created >= week AND child_created < week + INTERVAL 7 DAY) AS n_created
FROM fact_models__edges
WHERE parent_id IS NOT NULL
GROUP BY ALL

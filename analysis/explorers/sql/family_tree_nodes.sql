-- Family trees: the members of the families rooted at $roots in week $week (the lineage graph's
-- lineage_families: each member with its shortest distance from the root), with their ids
-- (lineage_labels), whether they are on the Hub that week, and their 30-day downloads (the models
-- view; NULL for parents not in the week).
WITH
f AS (
    SELECT root_uid, node_uid, depth
    FROM lineage_families
    WHERE week = $week AND root_uid IN (SELECT unnest(CAST($roots AS VARCHAR[])))
),
m AS (
    SELECT coalesce(_id, 'id:' || id) AS uid, any_value(downloads) AS downloads
    FROM models
    WHERE week = $week
    GROUP BY 1
)
SELECT
    f.root_uid,
    f.node_uid,
    coalesce(l.id, f.node_uid) AS id,
    coalesce(l.on_hub, false) AS on_hub,
    CAST(f.depth AS INTEGER) AS depth,
    CAST(m.downloads AS BIGINT) AS downloads
FROM f
LEFT JOIN lineage_labels l ON l.week = $week AND l.uid = f.node_uid
LEFT JOIN m ON m.uid = f.node_uid
ORDER BY f.root_uid, f.depth, m.downloads DESC NULLS LAST, id, f.node_uid

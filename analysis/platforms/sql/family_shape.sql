-- Shape of every family (root) in week $week. size: members including the root;
-- depth: the largest distance from the root (shortest path to each member);
-- breadth: the largest number of members at one distance >= 1; direct: members at distance 1.
WITH
f AS (SELECT node_uid, root_uid, depth, root_kind FROM lineage_families WHERE week = $week),
levels AS (SELECT root_uid, depth, count(*) AS n FROM f WHERE depth > 0 GROUP BY ALL),
shape AS (
    SELECT
        root_uid,
        any_value(root_kind) AS root_kind,
        count(*) AS size,
        max(depth) AS depth
    FROM f
    GROUP BY root_uid
)
SELECT
    CAST($week AS DATE) AS week,
    s.root_uid,
    l.id AS root_id,
    l.author AS root_author,
    coalesce(l.on_hub, false) AS on_hub,
    s.root_kind,
    CAST(s.size AS BIGINT) AS size,
    CAST(s.size - 1 AS BIGINT) AS derivatives,
    CAST(s.depth AS INTEGER) AS depth,
    CAST(coalesce((SELECT max(n) FROM levels v WHERE v.root_uid = s.root_uid), 0) AS BIGINT) AS breadth,
    CAST(coalesce((SELECT n FROM levels v WHERE v.root_uid = s.root_uid AND v.depth = 1), 0) AS BIGINT) AS direct
FROM shape s
LEFT JOIN lineage_labels l ON l.week = $week AND l.uid = s.root_uid
WHERE s.size > 1
ORDER BY derivatives DESC, root_id, s.root_uid

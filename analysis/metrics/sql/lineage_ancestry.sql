-- Every (node, ancestor) pair reachable by walking up resolved base-model links in week $week,
-- with the shortest distance (depth 1 = direct parent). Self links are ignored. The recursion
-- is keyed on (week, node, ancestor) and never re-emits a pair it already holds, so cycles
-- terminate; $max_depth bounds it in any case. A node that reaches itself is in a cycle.
CREATE OR REPLACE TEMP TABLE lineage_ancestry_week AS
WITH RECURSIVE
links AS (
    SELECT DISTINCT week, child_uid, parent_uid
    FROM lineage_edges
    WHERE week = $week AND NOT is_self
),
walk(week, node_uid, ancestor_uid, depth) USING KEY (week, node_uid, ancestor_uid) AS (
    SELECT week, child_uid, parent_uid, 1 FROM links
    UNION
    SELECT w.week, w.node_uid, l.parent_uid, w.depth + 1
    FROM walk w
    JOIN links l ON l.week = w.week AND l.child_uid = w.ancestor_uid
    WHERE w.depth < $max_depth
      AND NOT EXISTS (
          SELECT 1 FROM recurring.walk r
          WHERE r.week = w.week AND r.node_uid = w.node_uid AND r.ancestor_uid = l.parent_uid
      )
)
SELECT week, node_uid, ancestor_uid, min(depth) AS depth
FROM walk
GROUP BY ALL

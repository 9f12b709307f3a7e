-- Ancestry of week $week, first level: the week's resolved base-model links (self links ignored)
-- and every (node, parent) pair at depth 1. analysis/metrics/lineage.py then runs
-- lineage_ancestry_step.sql once per further level, until a level adds no pair or $max_depth is
-- reached. The result, lineage_ancestry_week, holds every (node, ancestor) pair reachable by
-- walking up the links with the shortest distance (depth 1 = direct parent). A level only keeps
-- pairs not seen at a smaller depth, so cycles end the walk; a node that reaches itself is in a cycle.
CREATE OR REPLACE TEMP TABLE lineage_links_week AS
SELECT DISTINCT week, child_uid, parent_uid
FROM lineage_edges
WHERE week = $week AND NOT is_self

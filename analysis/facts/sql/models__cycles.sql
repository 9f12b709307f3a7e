-- reads facts: week_links
-- Per week: the models on a cycle of base-model links (A's base is B and B's base is A, or a
-- longer round), as the family walk finds them (analysis/lineage: a model whose every upward path
-- ends in a cycle belongs to the family named after the cycle's smallest key, root_kind 'cycle'),
-- with parents resolved within the week (models__week_links; the one-week trees of
-- analysis.lineage also follow renames, Lineage.cycle_members). A model naming only itself is a
-- self-link (models__quality.self_links), ignored by the walk, not a cycle. Read by the Data page
-- (analysis/facts/quality.py). A week without any link has no row (no cycle). `week` stays a key.
--   models_in_cycles     models on some cycle
--   models_below_cycles  models whose every upward path ends in a cycle, the cycle's own included
WITH RECURSIVE
links AS (
    SELECT DISTINCT week, child_uid, parent_uid
    FROM fact_models__week_links
    WHERE parent_uid <> child_uid
),
walk(week, node_uid, ancestor_uid) USING KEY (week, node_uid, ancestor_uid) AS (
    SELECT week, child_uid, parent_uid FROM links
    UNION
    SELECT w.week, w.node_uid, l.parent_uid
    FROM walk w
    JOIN links l ON l.week = w.week AND l.child_uid = w.ancestor_uid
    WHERE NOT EXISTS (
        SELECT 1 FROM recurring.walk r
        WHERE r.week = w.week AND r.node_uid = w.node_uid AND r.ancestor_uid = l.parent_uid
    )
),
has_parent AS (SELECT DISTINCT week, child_uid AS uid FROM links),
rooted AS (
    -- nodes with an ancestor that has no base model: a true root
    SELECT DISTINCT w.week, w.node_uid
    FROM walk w
    WHERE NOT EXISTS (SELECT 1 FROM has_parent h WHERE h.week = w.week AND h.uid = w.ancestor_uid)
),
on_cycle AS (SELECT DISTINCT week, node_uid AS uid FROM walk WHERE node_uid = ancestor_uid),
below AS (
    SELECT h.week, h.uid FROM has_parent h
    ANTI JOIN rooted r ON r.week = h.week AND r.node_uid = h.uid
)
SELECT
    h.week,
    count(c.uid) AS models_in_cycles,
    count(b.uid) AS models_below_cycles
FROM has_parent h
LEFT JOIN on_cycle c ON c.week = h.week AND c.uid = h.uid
LEFT JOIN below b ON b.week = h.week AND b.uid = h.uid
GROUP BY h.week

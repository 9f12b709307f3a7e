-- The models of $week on a cycle of base-model links (A's base is B and B's base is A, or a longer
-- round): a node that is its own ancestor in the family walk (lineage_ancestry; self-links are
-- left out of the walk, so a model naming only itself is not one). Needs the week's families.
SELECT DISTINCT node_uid FROM lineage_ancestry
WHERE week = $week AND node_uid = ancestor_uid
ORDER BY node_uid

-- The resolved edges of every week built, in a stable order.
SELECT * FROM lineage_edges ORDER BY week, child_uid, parent_pos

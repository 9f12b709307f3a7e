-- The resolved edges of one week, in a stable order.
SELECT * FROM lineage_edges WHERE week = $week ORDER BY child_uid, parent_pos

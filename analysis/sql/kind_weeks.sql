-- The week labels of one kind ($kind) on the connection, oldest first (from the snapshot
-- layer's weeks table: every file opened, whatever its rows).
SELECT DISTINCT week FROM weeks WHERE kind = $kind ORDER BY week

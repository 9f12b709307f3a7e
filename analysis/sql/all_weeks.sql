-- Every week label of any kind on the connection, oldest first.
SELECT DISTINCT week FROM weeks ORDER BY week

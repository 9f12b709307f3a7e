-- The file of kind $kind and week $week: its path in the root and the dataset revision.
SELECT path, revision FROM weeks WHERE kind = $kind AND week = $week

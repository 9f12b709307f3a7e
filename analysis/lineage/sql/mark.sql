-- Record that a part of $week is built (with $max_depth; 0 for 'edges'); unmark.sql runs first.
INSERT INTO lineage_built VALUES ($week, $part, $max_depth)

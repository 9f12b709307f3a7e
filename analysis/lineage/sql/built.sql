-- The max_depth a built part ($part: 'edges' or 'families') of $week used; NULL when not built.
SELECT max(max_depth) FROM lineage_built WHERE week = $week AND part = $part

-- Which weeks this connection has built: part 'edges' (lineage_edges, lineage_labels) or
-- 'families' (lineage_ancestry, lineage_families, with the max_depth used).
CREATE TEMP TABLE IF NOT EXISTS lineage_built (week DATE, part VARCHAR, max_depth INTEGER)

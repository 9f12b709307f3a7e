-- Everything a Lineage graph keeps on its connection, dropped when it is closed.
DROP TABLE IF EXISTS lineage_built;
DROP TABLE IF EXISTS lineage_edges;
DROP TABLE IF EXISTS lineage_labels;
DROP TABLE IF EXISTS lineage_ancestry;
DROP TABLE IF EXISTS lineage_families;
DROP TABLE IF EXISTS lineage_edges_week;
DROP TABLE IF EXISTS lineage_labels_week;
DROP TABLE IF EXISTS lineage_ancestry_week;
DROP TABLE IF EXISTS lineage_families_week;
DROP TABLE IF EXISTS lineage_links_week;
DROP TABLE IF EXISTS lineage_frontier;

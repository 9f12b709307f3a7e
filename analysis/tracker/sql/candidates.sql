-- Ids of week $week that are base models of at least one model (for "did you mean" suggestions).
SELECT DISTINCT parent_id AS id FROM lineage_edges WHERE week = $week AND NOT is_self ORDER BY id

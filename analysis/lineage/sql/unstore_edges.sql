-- Remove an earlier build of $week's edges before storing it again (unstore_labels.sql too).
DELETE FROM lineage_edges WHERE week = $week

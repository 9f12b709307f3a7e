-- Remove an earlier build of $week's labels before storing it again.
DELETE FROM lineage_labels WHERE week = $week

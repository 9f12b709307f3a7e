-- Remove an earlier build of $week's ancestry before storing it again.
DELETE FROM lineage_ancestry WHERE week = $week

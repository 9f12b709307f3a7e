-- Remove an earlier build of $week's families before storing it again (unstore_ancestry.sql too).
DELETE FROM lineage_families WHERE week = $week

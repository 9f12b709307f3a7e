-- Forget an earlier record of a built part of $week.
DELETE FROM lineage_built WHERE week = $week AND part = $part

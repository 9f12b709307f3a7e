-- The lineage node of the model $id on the Hub in week $week (its key in the family tree).
SELECT uid FROM lineage_labels WHERE week = $week AND id = $id AND on_hub ORDER BY uid LIMIT 1

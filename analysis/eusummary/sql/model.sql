-- The model $id in models week $week: what the draft's general information reads.
SELECT id, _id, author, pipeline_tag, library_name
FROM models
WHERE week = $week AND id = $id

-- The models among $ids of week $week whose card was not read for declared datasets: longer
-- than $max_card characters, or not valid JSON.
SELECT id,
       CASE WHEN length(cardData) > $max_card THEN 'too large' ELSE 'not valid JSON' END AS reason
FROM models
WHERE week = $week AND list_contains($ids, id) AND cardData IS NOT NULL
  AND (length(cardData) > $max_card OR NOT json_valid(cardData))
ORDER BY id

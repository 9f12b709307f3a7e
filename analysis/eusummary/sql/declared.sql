-- The training datasets the models $ids of week $week declare: `dataset:` tags and the card's
-- `datasets` (a JSON list of ids, or one id). A card is read only when it is valid JSON of at
-- most $max_card characters; ids are trimmed and cut to $max_id characters. via: where the
-- declaration was found ('cardData', 'tags' or both).
WITH
m AS (
    SELECT id, tags, cardData FROM models WHERE week = $week AND list_contains($ids, id)
),
tagged AS (
    SELECT model_id, substr(tag, 9) AS dataset_id, 'tags' AS via
    FROM (SELECT id AS model_id, unnest(tags) AS tag FROM m)
    WHERE starts_with(tag, 'dataset:')
),
card AS (
    SELECT
        id AS model_id,
        CASE WHEN length(cardData) <= $max_card AND json_valid(cardData)
             THEN json_extract(cardData, '$.datasets') END AS j
    FROM m
),
carded AS (
    SELECT
        model_id,
        unnest(CASE json_type(j)
            WHEN 'ARRAY' THEN json_extract_string(j, '$[*]')
            WHEN 'VARCHAR' THEN [json_extract_string(j, '$')]
            ELSE CAST([] AS VARCHAR[]) END) AS dataset_id,
        'cardData' AS via
    FROM card
    WHERE j IS NOT NULL
),
both_ AS (SELECT * FROM tagged UNION ALL SELECT * FROM carded)
SELECT model_id, left(trim(dataset_id), $max_id) AS dataset_id, list(DISTINCT via ORDER BY via) AS via
FROM both_
WHERE dataset_id IS NOT NULL AND trim(dataset_id) <> ''
GROUP BY ALL
ORDER BY model_id, dataset_id

-- Evaluation results that model cards declare (`model-index` in cardData): one row per week,
-- model, task and benchmark reported, and one row per card that could not be parsed. The only
-- fact that reads cardData (most of a models file's bytes): no other fact pays for it.
--
-- cardData is untrusted JSON text of any size. It is parsed bounded, never evaluated:
-- * a card longer than 1048576 bytes is 'too large' (not opened, whatever it holds);
-- * a card not containing the text "model-index" has no evaluation (no row);
-- * a card that is not valid JSON is 'malformed';
-- * a card nested deeper than 32 levels of arrays and objects is 'too deep' (its depth is
--   measured without parsing: string contents removed, then innermost bracket pairs peeled
--   off at most 32 times; valid JSON of depth d is empty after exactly d peels);
-- * otherwise 'parsed': each results[] entry of each model-index[] entry is read by path only.
-- Hub text kept is cut to 200 characters (escaped where shown). benchmark is the result's
-- dataset.type (the Hub id of the dataset, as the Hub's model-index format asks), else its
-- dataset.name, else '(unnamed)'; task is task.type, else '(no task)'. results counts the
-- entries (a model may report one benchmark several times: configs, splits, shots);
-- metrics counts their metrics[] entries, numeric_metrics those whose value is a finite
-- number (a string, NaN, null or object is not). A parsed card without any results[] entry
-- gives one row with NULL task and benchmark.
WITH RECURSIVE cards AS (
    SELECT week, id, author, cardData AS card, strlen(cardData) AS card_bytes
    FROM models
    WHERE cardData IS NOT NULL AND contains(cardData, '"model-index"')
),
sized AS (
    SELECT *, card_bytes <= 1048576 AND json_valid(card) AS readable
    FROM cards
),
peel(week, id, s, d) AS (
    SELECT week, id,
        regexp_replace(regexp_replace(card, '"(?:[^"\\]|\\.)*"', '', 'g'), '[^\[\]{}]', '', 'g'),
        0
    FROM sized
    WHERE readable
    UNION ALL
    SELECT week, id, regexp_replace(s, '\[\]|\{\}', '', 'g'), d + 1
    FROM peel
    WHERE s <> '' AND d < 32
),
too_deep AS (
    SELECT DISTINCT week, id FROM peel WHERE d = 32 AND s <> ''
),
status AS (
    SELECT
        s.week, s.id, s.author, s.card,
        CASE
            WHEN s.card_bytes > 1048576 THEN 'too large'
            WHEN NOT s.readable THEN 'malformed'
            WHEN t.id IS NOT NULL THEN 'too deep'
            ELSE 'parsed'
        END AS status
    FROM sized AS s
    LEFT JOIN too_deep AS t ON t.week = s.week AND t.id = s.id
),
results AS (
    SELECT week, id, author, unnest(json_extract(card, '$."model-index"[*].results[*]')) AS r
    FROM status
    WHERE status = 'parsed' AND json_type(card, '$."model-index"') = 'ARRAY'
),
fields AS (
    SELECT
        week, id, author,
        left(trim(coalesce(
            CASE WHEN json_type(r, '$.task.type') = 'VARCHAR' THEN r ->> '$.task.type' END,
            '')), 200) AS task,
        left(trim(coalesce(
            CASE WHEN json_type(r, '$.dataset.type') = 'VARCHAR' THEN r ->> '$.dataset.type' END,
            '')), 200) AS dataset_type,
        left(trim(coalesce(
            CASE WHEN json_type(r, '$.dataset.name') = 'VARCHAR' THEN r ->> '$.dataset.name' END,
            '')), 200) AS dataset_name,
        CASE WHEN json_type(r, '$.metrics') = 'ARRAY' THEN json_array_length(r, '$.metrics') END AS n_metrics,
        CASE WHEN json_type(r, '$.metrics') = 'ARRAY' THEN json_extract(r, '$.metrics[*].value') END AS vals
    FROM results
),
per_result AS (
    SELECT
        week, id, author,
        CASE WHEN task <> '' THEN task ELSE '(no task)' END AS task,
        CASE
            WHEN dataset_type <> '' THEN dataset_type
            WHEN dataset_name <> '' THEN dataset_name
            ELSE '(unnamed)'
        END AS benchmark,
        coalesce(n_metrics, 0) AS metrics,
        coalesce(len(list_filter(vals, lambda v:
            json_type(v) IN ('BIGINT', 'UBIGINT', 'DOUBLE')
            AND coalesce(isfinite(TRY_CAST(v AS DOUBLE)), false))), 0) AS numeric_metrics
    FROM fields
)
SELECT
    week, id, author, 'parsed' AS status, task, benchmark,
    CAST(count(*) AS BIGINT) AS results,
    CAST(sum(metrics) AS BIGINT) AS metrics,
    CAST(sum(numeric_metrics) AS BIGINT) AS numeric_metrics
FROM per_result
GROUP BY week, id, author, task, benchmark
UNION ALL
SELECT
    s.week, s.id, s.author, s.status, NULL AS task, NULL AS benchmark,
    CAST(0 AS BIGINT) AS results, CAST(0 AS BIGINT) AS metrics, CAST(0 AS BIGINT) AS numeric_metrics
FROM status AS s
WHERE s.status <> 'parsed'
    OR NOT EXISTS (SELECT 1 FROM per_result AS p WHERE p.week = s.week AND p.id = s.id)

-- Evaluation results that model cards declare (`model-index` in cardData): one row per week,
-- model, task and benchmark reported, and one row per card that could not be parsed. The only
-- fact that reads cardData (most of a models file's bytes): no other fact pays for it.
--
-- cardData is untrusted JSON text of any size. It is parsed bounded, never evaluated:
-- * a card longer than max_bytes (set once, in the CTE `limits`) is 'too large' (not opened,
--   whatever it holds);
-- * a card not containing the text "model-index" has no evaluation (no row);
-- * a card that is not valid JSON is 'malformed';
-- * a card nested deeper than 32 levels of arrays and objects is 'too deep'. The depth is
--   checked on the text, in one pass, without building the tree: JSON nested at most 32 deep
--   is a regular language (strings, other characters and bracket groups nested at most 32
--   deep), so the CTE too_deep matches the card against a pattern built as a constant from a
--   prefix and a suffix each repeated 32 times (the depth limit), which the regular-expression
--   engine (RE2) matches in time linear in the card's length;
-- * otherwise 'parsed': each results[] entry (an object; other values are not results) of each
--   model-index[] entry is read by path only.
-- Hub text kept is cut to 200 characters (escaped where shown). benchmark is the result's
-- dataset.type (the Hub id of the dataset, as the Hub's model-index format asks), else its
-- dataset.name, else '(unnamed)'; task is task.type, else '(no task)'. results counts the
-- entries (a model may report one benchmark several times: configs, splits, shots);
-- metrics counts their metrics[] entries, numeric_metrics those whose value is a finite
-- number (a string, NaN, null or object is not). A parsed card without any results[] entry
-- gives one row with NULL task and benchmark.
WITH limits AS (
    SELECT 1048576 AS max_bytes
),
cards AS (
    SELECT week, id, author, cardData AS card, strlen(cardData) AS card_bytes
    FROM models
    WHERE cardData IS NOT NULL AND contains(cardData, '"model-index"')
),
sized AS (
    SELECT c.*, c.card_bytes <= l.max_bytes AS small
    FROM cards AS c
    CROSS JOIN limits AS l
),
checked AS (
    SELECT *, small AND json_valid(CASE WHEN small THEN card END) AS readable
    FROM sized
),
too_deep AS (  -- (a string | a character outside strings and brackets | a group)*, 32 deep
    SELECT week, id
    FROM checked
    WHERE readable AND NOT regexp_full_match(
        card,
        '(?:"(?:[^"\\]|\\.)*"|[^\[\]{}"]|'
            || repeat('(?:[\[{](?:"(?:[^"\\]|\\.)*"|[^\[\]{}"]|', 32)
            || repeat(')*[\]}])', 32)
            || ')*'
    )
),
status AS (
    SELECT
        s.week, s.id, s.author, s.card,
        CASE
            WHEN NOT s.small THEN 'too large'
            WHEN NOT s.readable THEN 'malformed'
            WHEN t.id IS NOT NULL THEN 'too deep'
            ELSE 'parsed'
        END AS status
    FROM checked AS s
    LEFT JOIN too_deep AS t ON t.week = s.week AND t.id = s.id
),
entries AS (  -- a parsed card's results[] objects; a NULL entry stands for a card without any
    SELECT week, id, author, status,
        CASE WHEN status = 'parsed' THEN list_filter(
            json_extract(card, '$."model-index"[*].results[*]'),  -- none when no array
            lambda e: json_type(e) = 'OBJECT'
        ) END AS objects
    FROM status
),
results AS (
    SELECT week, id, author, status,
        unnest(CASE WHEN len(objects) > 0 THEN objects ELSE [NULL::JSON] END) AS r
    FROM entries
),
parts AS (  -- each result parsed once: the four paths read, NULL where absent
    SELECT
        week, id, author, status,
        json_extract(r, ['$.task.type', '$.dataset.type', '$.dataset.name', '$.metrics']) AS p
    FROM results
),
fields AS (
    SELECT
        week, id, author, status, p IS NOT NULL AS is_result,
        left(trim(CASE WHEN json_type(p[1]) = 'VARCHAR' THEN p[1] ->> '$' ELSE '' END), 200) AS task,
        left(trim(CASE WHEN json_type(p[2]) = 'VARCHAR' THEN p[2] ->> '$' ELSE '' END), 200) AS dataset_type,
        left(trim(CASE WHEN json_type(p[3]) = 'VARCHAR' THEN p[3] ->> '$' ELSE '' END), 200) AS dataset_name,
        CASE WHEN json_type(p[4]) = 'ARRAY' THEN json_array_length(p[4]) END AS n_metrics,
        CASE WHEN json_type(p[4]) = 'ARRAY' THEN json_extract(p[4], '$[*].value') END AS vals
    FROM parts
),
per_result AS (
    SELECT
        week, id, author, status, is_result,
        CASE WHEN NOT is_result THEN NULL WHEN task <> '' THEN task ELSE '(no task)' END AS task,
        CASE
            WHEN NOT is_result THEN NULL
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
    week, id, author, status, task, benchmark,
    CAST(count(*) FILTER (WHERE is_result) AS BIGINT) AS results,
    CAST(sum(metrics) AS BIGINT) AS metrics,
    CAST(sum(numeric_metrics) AS BIGINT) AS numeric_metrics
FROM per_result
GROUP BY week, id, author, status, task, benchmark

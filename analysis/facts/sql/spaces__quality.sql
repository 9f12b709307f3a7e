-- reads raw rows
-- Data quality of one week's file: counts of the rows the snapshot views clean or keep out
-- (analysis/snapshots/sql/clean.sql states what is done with each), read from the raw rows
-- (view `spaces_raw`). One row per week; every column a count of rows of that week's file:
--   rows                 rows in the file
--   duplicate_ids        rows beyond the first of an id (the views keep one per id)
--   null_or_empty_ids    rows whose id is NULL or '' (the views drop them)
--   null_authors         rows whose author is NULL (the views take the id's owner part)
--   negative_downloads   NULL: spaces files have no downloads column
--   negative_likes       rows whose likes are below 0 (the views make them NULL)
--   placeholder_created  rows whose createdAt is the Hub's placeholder for its oldest repos
--                        (analysis.schema.PLACEHOLDER_CREATED; the views make it NULL)
--   created_after_week   rows whose createdAt is at or after the week's end (week + 7 days)
--   self_links           NULL: only models declare base models
--   non_integer_downloads NULL: spaces files have no downloads column
--   non_integer_likes    rows whose likes are not a whole number (a file typing them as double;
--                        NULL in both views, never rounded)
-- `hubobs describe` shows the same counts, from this file.
SELECT
    week,
    count(*) AS rows,
    count(id) FILTER (WHERE id <> '') - count(DISTINCT id) FILTER (WHERE id <> '') AS duplicate_ids,
    count(*) FILTER (WHERE id IS NULL OR id = '') AS null_or_empty_ids,
    count(*) FILTER (WHERE author IS NULL) AS null_authors,
    CAST(NULL AS BIGINT) AS negative_downloads,
    count(*) FILTER (WHERE likes < 0) AS negative_likes,
    count(*) FILTER (WHERE hubobs_placeholder_created(createdAt)) AS placeholder_created,
    count(*) FILTER (WHERE createdAt >= week + INTERVAL 7 DAY) AS created_after_week,
    CAST(NULL AS BIGINT) AS self_links,
    CAST(NULL AS BIGINT) AS non_integer_downloads,
    count(*) FILTER (WHERE hubobs_non_integer_likes) AS non_integer_likes
FROM spaces_raw
GROUP BY week

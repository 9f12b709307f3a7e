-- The row checks of one week's spaces file (as clean.sql; spaces have no downloads column; the raw rows
-- stay in `spaces_raw`, the fact `spaces__quality` counts what is done here):
--   NULL or empty id        the row is dropped
--   an id listed twice      one row is kept: the latest lastModified (NULL last), ties by
--                           the first in the file (its row position)
--   NULL author             the id's owner part (before the first '/'; NULL for an id without one)
--   placeholder createdAt   NULL: the Hub's placeholder creation time of its oldest repositories
--                           (macro hubobs_placeholder_created, from analysis.schema.PLACEHOLDER_CREATED)
--                           is no creation date, so no per-week creation count or release timeline
--                           counts it
--   likes < 0               NULL (left out of sums and counts of values; spaces have no downloads)
--   likes not a whole number (a file typing them as double): NULL in both views, never rounded
-- `hubobs_branch` stands for the week's file (its columns, `week` and `hubobs_row`, the row's
-- position in the file); the views put this query around each file.
SELECT * EXCLUDE (hubobs_row) REPLACE (
    coalesce(author, CASE WHEN contains(id, '/') THEN split_part(id, '/', 1) END) AS author,
    CASE WHEN NOT coalesce(hubobs_placeholder_created("createdAt"), false) THEN "createdAt" END AS "createdAt",
    CASE WHEN likes >= 0 THEN likes END AS likes
)
FROM hubobs_branch
WHERE id IS NOT NULL AND id <> ''
QUALIFY row_number() OVER (PARTITION BY id ORDER BY "lastModified" DESC NULLS LAST, hubobs_row) = 1
